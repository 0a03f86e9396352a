-- Kinds for everyone who registers (social enterprises and other social-economy entities, NGOs,
-- municipalities, counties, other), so the directory may hold them as well.
alter table institution drop constraint institution_kind_check;
alter table institution add constraint institution_kind_check check (kind in (
    'ROPS', 'MARSHAL_OFFICE', 'OWES', 'SOCIAL_ENTERPRISE', 'SOCIAL_ECONOMY_ENTITY', 'NGO', 'MUNICIPALITY',
    'COUNTY', 'CENTRAL', 'PARTNER', 'OTHER'));
