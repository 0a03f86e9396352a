package pl.koordes.shared.cluster;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.util.function.SingletonSupplier;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring Modulith's serializer of event publications, with its JSON mapper looked up once (it stays the only one
 * used: {@code @Primary} over Spring Modulith's own). Spring Modulith's own looks
 * the mapper up in the bean factory for every event it stores or reads back: in the registration bench that look-up was
 * a third of serializing each registration's e-mail, done under the event's lock. The mapper is the same one (the
 * application's, else Spring Modulith's default built the same way), so what is stored does not change.
 */
@Configuration(proxyBeanMethods = false)
class EventSerialization {

    @Bean
    @Primary
    EventSerializer eventSerializerWithKeptMapper(ObjectProvider<JsonMapper> mapper, ApplicationContext context) {
        return new KeptMapperSerializer(SingletonSupplier.of(() -> mapper.getIfAvailable(() -> JsonMapper.builder()
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .addModules(context.getBeansOfType(JacksonModule.class).values())
                .build())));
    }

    /** What Spring Modulith's {@code JacksonEventSerializer} does (not public), with a mapper looked up once. */
    static final class KeptMapperSerializer implements EventSerializer {

        private final SingletonSupplier<JsonMapper> mapper;

        KeptMapperSerializer(SingletonSupplier<JsonMapper> mapper) {
            this.mapper = mapper;
        }

        @Override
        public Object serialize(Object event) {
            return mapper.obtain().writeValueAsString(event);
        }

        @Override
        public <T> T deserialize(Object serialized, Class<T> type) {
            return mapper.obtain().readerFor(type).readValue(serialized.toString());
        }
    }
}
