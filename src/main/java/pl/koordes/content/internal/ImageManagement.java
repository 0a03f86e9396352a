package pl.koordes.content.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.content.ContentAction;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.text.TextInput;

/**
 * Keeps uploaded pictures (article images, partner logos) in the database, so that every node serves
 * them. The type is read from the file's first bytes, never from its name; PNG and JPEG are decoded and
 * encoded again (which drops metadata such as a camera's location and anything hidden after the
 * picture) and scaled down to the page's width. WebP, which the JDK cannot decode, is kept as sent
 * after its header is checked. SVG is refused: it can carry scripts.
 */
@Service
@Transactional
public class ImageManagement {

    /** Pictures larger than this in either direction are refused before they are decoded (decompression bombs). */
    static final int MAX_SIDE = 12_000;

    static final long MAX_PIXELS = 50_000_000L;

    private final JdbcClient jdbc;
    private final ContentProperties properties;

    /** The upload form's fields a refusal belongs beside: the alternative text and the file. */
    public static final String ALT = "alt";

    public static final String FILE = "plik";

    private final ContentAudit audit;

    public ImageManagement(JdbcClient jdbc, ContentProperties properties, ContentAudit audit) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.properties = properties;
    }

    /** Stores a picture with its alternative text; answers its id, or refuses it with a reason. */
    public long uploadImage(byte[] data, @Nullable String originalName, @Nullable String alt, String uploadedBy) {
        String altText = alt == null ? "" : alt.strip();
        if (altText.isEmpty()) {
            throw Refused.field(ImageManagement.ALT, "content.image.alt.required");
        }
        if (altText.length() > ImageUploadForm.ALT_MAX || altText.chars().anyMatch(Character::isISOControl)) {
            throw Refused.field(ImageManagement.ALT, "content.image.alt.invalid");
        }
        if (data.length == 0) {
            throw Refused.field(ImageManagement.FILE, "content.image.file.required");
        }
        if (TextInput.fileNameTooLong(originalName)) {
            throw Refused.field(ImageManagement.FILE, "content.image.file.nameTooLong");
        }
        if (data.length > properties.imageMaxSize().toBytes()) {
            throw Refused.field(ImageManagement.FILE, "content.image.file.tooLarge");
        }
        Encoded image = switch (typeOf(data)) {
            case "image/png" -> reencode(data, "png");
            case "image/jpeg" -> reencode(data, "jpeg");
            case "image/webp" -> webp(data);
            default -> throw Refused.field(ImageManagement.FILE, "content.image.file.type");
        };
        long id = jdbc.sql("""
                        insert into content_image (content_type, width, height, data, alt, original_name, uploaded_by)
                        values (:type, :width, :height, :data, :alt, :name, :by) returning id""")
                .param("type", image.contentType())
                .param("width", image.width())
                .param("height", image.height())
                .param("data", image.data())
                .param("alt", altText)
                .param("name", safeName(originalName))
                .param("by", uploadedBy.length() > 200 ? uploadedBy.substring(0, 200) : uploadedBy)
                .query(Long.class)
                .single();
        audit.publish(
                ContentAction.IMAGE_UPLOADED, "image", id, null, audit.image(id).orElseThrow());
        return id;
    }

    /** The image type by its signature ("magic bytes"), or an empty string when it is none of ours. */
    static String typeOf(byte[] d) {
        if (d.length >= 8
                && (d[0] & 0xff) == 0x89
                && d[1] == 'P'
                && d[2] == 'N'
                && d[3] == 'G'
                && d[4] == 0x0d
                && d[5] == 0x0a
                && d[6] == 0x1a
                && d[7] == 0x0a) {
            return "image/png";
        }
        if (d.length >= 3 && (d[0] & 0xff) == 0xff && (d[1] & 0xff) == 0xd8 && (d[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        if (d.length >= 16
                && d[0] == 'R'
                && d[1] == 'I'
                && d[2] == 'F'
                && d[3] == 'F'
                && d[8] == 'W'
                && d[9] == 'E'
                && d[10] == 'B'
                && d[11] == 'P') {
            return "image/webp";
        }
        return "";
    }

    private Encoded reencode(byte[] data, String format) {
        BufferedImage source = decode(data);
        int width = source.getWidth();
        int height = source.getHeight();
        int maxWidth = properties.imageMaxWidth();
        if (width > maxWidth) {
            height = Math.max(1, (int) Math.round((double) height * maxWidth / width));
            width = maxWidth;
        }
        boolean alpha = "png".equals(format) && source.getColorModel().hasAlpha();
        BufferedImage target =
                new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            if (!alpha) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, width, height);
            }
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return new Encoded("png".equals(format) ? "image/png" : "image/jpeg", width, height, encode(target, format));
    }

    private static BufferedImage decode(byte[] data) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (in == null || !readers.hasNext()) {
                throw Refused.field(ImageManagement.FILE, "content.image.file.broken");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0
                        || height <= 0
                        || width > MAX_SIDE
                        || height > MAX_SIDE
                        || (long) width * height > MAX_PIXELS) {
                    throw Refused.field(ImageManagement.FILE, "content.image.file.dimensions");
                }
                BufferedImage image = reader.read(0);
                if (image == null) {
                    throw Refused.field(ImageManagement.FILE, "content.image.file.broken");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof Refused refused) {
                throw refused;
            }
            // A file that starts like an image but is not one (truncated, crafted): refused, never a 500.
            throw Refused.field(ImageManagement.FILE, "content.image.file.broken");
        }
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if ("jpeg".equals(format)) {
                ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.85f);
                try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                    writer.setOutput(ios);
                    writer.write(null, new IIOImage(image, null, null), param);
                } finally {
                    writer.dispose();
                }
            } else {
                ImageIO.write(image, format, out);
            }
        } catch (IOException e) {
            throw Refused.field(ImageManagement.FILE, "content.image.file.broken");
        }
        return out.toByteArray();
    }

    /** Reads the picture size from a WebP header (lossy VP8, lossless VP8L or extended VP8X). */
    static Encoded webp(byte[] d) {
        if (d.length < 30) {
            throw Refused.field(ImageManagement.FILE, "content.image.file.broken");
        }
        String chunk = new String(d, 12, 4, StandardCharsets.US_ASCII);
        int width;
        int height;
        switch (chunk) {
            case "VP8X" -> {
                width = 1 + ((d[24] & 0xff) | (d[25] & 0xff) << 8 | (d[26] & 0xff) << 16);
                height = 1 + ((d[27] & 0xff) | (d[28] & 0xff) << 8 | (d[29] & 0xff) << 16);
            }
            case "VP8L" -> {
                if ((d[20] & 0xff) != 0x2f) {
                    throw Refused.field(ImageManagement.FILE, "content.image.file.broken");
                }
                int bits = (d[21] & 0xff) | (d[22] & 0xff) << 8 | (d[23] & 0xff) << 16 | (d[24] & 0xff) << 24;
                width = 1 + (bits & 0x3fff);
                height = 1 + ((bits >>> 14) & 0x3fff);
            }
            case "VP8 " -> {
                if ((d[23] & 0xff) != 0x9d || (d[24] & 0xff) != 0x01 || (d[25] & 0xff) != 0x2a) {
                    throw Refused.field(ImageManagement.FILE, "content.image.file.broken");
                }
                width = ((d[26] & 0xff) | (d[27] & 0xff) << 8) & 0x3fff;
                height = ((d[28] & 0xff) | (d[29] & 0xff) << 8) & 0x3fff;
            }
            default -> throw Refused.field(ImageManagement.FILE, "content.image.file.broken");
        }
        if (width <= 0 || height <= 0 || width > MAX_SIDE || height > MAX_SIDE) {
            throw Refused.field(ImageManagement.FILE, "content.image.file.dimensions");
        }
        return new Encoded("image/webp", width, height, d);
    }

    /** The file name as given, for the editor's list only: one printable line, short. */
    static String safeName(@Nullable String name) {
        if (name == null) {
            return "";
        }
        String clean = name.replaceAll("\\p{Cntrl}", "").strip();
        return clean.length() > 200 ? clean.substring(0, 200) : clean;
    }

    record Encoded(String contentType, int width, int height, byte[] data) {}
}
