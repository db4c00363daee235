/**
 * The HSDS 3.0 objects Huzhu writes and reads (schema/hsds/3.0/*.json). Only the
 * fields Huzhu uses are typed; an imported record may carry any others (the
 * schemas allow them), which the import validates and then leaves aside.
 */
export interface HsdsTaxonomy {
  id: string;
  name: string;
  description: string;
  uri?: string;
  version?: string;
}

export interface HsdsTaxonomyTerm {
  id: string;
  code?: string;
  name: string;
  description: string;
  parent_id?: string;
  taxonomy?: string;
  taxonomy_id?: string;
  language?: string;
  taxonomy_detail?: HsdsTaxonomy;
}

export interface HsdsAttribute {
  id: string;
  link_id?: string;
  link_type?: string;
  link_entity?: string;
  taxonomy_term_id?: string;
  value?: string;
  taxonomy_term?: HsdsTaxonomyTerm;
}

export interface HsdsLocation {
  id: string;
  location_type: 'physical' | 'postal' | 'virtual';
  organization_id?: string;
  name?: string;
  description?: string;
  latitude?: number;
  longitude?: number;
  external_identifier?: string;
  external_identifier_type?: string;
  attributes?: HsdsAttribute[];
}

export interface HsdsServiceArea {
  id: string;
  service_id?: string;
  name?: string;
  description?: string;
  extent?: string;
  extent_type?: string;
  uri?: string;
}

export interface HsdsServiceAtLocation {
  id: string;
  service_id?: string;
  location_id?: string;
  description?: string;
  location?: HsdsLocation;
  service?: HsdsService;
}

export interface HsdsPhone {
  id: string;
  service_id?: string;
  organization_id?: string;
  number: string;
}

export interface HsdsContact {
  id: string;
  service_id?: string;
  organization_id?: string;
  name?: string;
}

export interface HsdsSchedule {
  id: string;
  service_id?: string;
  description?: string;
  opens_at?: string;
  closes_at?: string;
}

/** HSDS 3.1-dev service_capacity (schema/hsds/3.1-dev), with its unit. */
export interface HsdsUnit {
  id: string;
  name: string;
  scheme?: string;
  identifier?: string;
  uri?: string;
}
export interface HsdsServiceCapacity {
  id: string;
  service_id?: string;
  unit: HsdsUnit;
  unit_id?: string;
  available: number;
  maximum?: number;
  description?: string;
  updated: string;
}

export interface HsdsOrganizationIdentifier {
  id: string;
  organization_id?: string;
  identifier_scheme?: string;
  identifier_type: string;
  identifier: string;
}

export interface HsdsOrganization {
  id: string;
  name: string;
  alternate_name?: string;
  description: string;
  locations?: HsdsLocation[];
  organization_identifiers?: HsdsOrganizationIdentifier[];
  attributes?: HsdsAttribute[];
  services?: HsdsService[];
}

export type HsdsServiceStatus = 'active' | 'inactive' | 'defunct' | 'temporarily closed';

export interface HsdsService {
  id: string;
  organization_id?: string;
  name: string;
  description?: string;
  status: HsdsServiceStatus;
  eligibility_description?: string;
  minimum_age?: number;
  maximum_age?: number;
  assured_date?: string;
  phones?: HsdsPhone[];
  contacts?: HsdsContact[];
  schedules?: HsdsSchedule[];
  service_areas?: HsdsServiceArea[];
  service_at_locations?: HsdsServiceAtLocation[];
  attributes?: HsdsAttribute[];
  organization?: HsdsOrganization;
  /** HSDS 3.1-dev: a service's capacities. */
  capacities?: HsdsServiceCapacity[];
}

/** The whole directory in HSDS form: what the API pages through and the export writes. */
export interface HsdsDataset {
  organizations: HsdsOrganization[];
  services: HsdsService[];
  serviceAtLocations: HsdsServiceAtLocation[];
  taxonomies: HsdsTaxonomy[];
  taxonomyTerms: HsdsTaxonomyTerm[];
}
