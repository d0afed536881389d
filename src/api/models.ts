/**
 * Genesys' models as the app checks them at the boundary (valibot; unknown fields pass). A
 * module of their own, without React or React Query, so that the boot module checks an early
 * answer as the app will before its first look says anything from it.
 */
import * as v from 'valibot';

const entity = v.looseObject({ id: v.optional(v.string()), name: v.optional(v.string()) });
const entityRef = v.looseObject({ id: v.optional(v.string()), name: v.optional(v.string()), selfUri: v.optional(v.string()) });

export type GrantType = 'CODE' | 'TOKEN' | 'SAML2-BEARER' | 'PASSWORD' | 'CLIENT-CREDENTIALS';

const oauthClientSchema = v.looseObject({
  id: v.optional(v.string()),
  name: v.string(),
  // Genesys may add grant types and states: kept as sent, not refused.
  authorizedGrantType: v.string(),
  dateCreated: v.optional(v.string()),
  dateModified: v.optional(v.string()),
  createdBy: v.optional(entityRef),
  modifiedBy: v.optional(entityRef),
  scope: v.optional(v.array(v.string())),
  state: v.optional(v.string()),
  organization: v.optional(entity),
});

/** Genesys' TokenInfo, checked at the boundary (note the capital "OAuthClient" key). */
export const tokenInfoSchema = v.looseObject({
  organization: v.optional(entity),
  homeOrganization: v.optional(entity),
  authorizedScope: v.optional(v.array(v.string())),
  clonedUser: v.optional(v.looseObject({ id: v.optional(v.string()), organization: v.optional(v.looseObject({ id: v.optional(v.string()) })) })),
  dateTokenIdles: v.optional(v.string()),
  OAuthClient: v.optional(oauthClientSchema),
});

export type TokenInfo = v.InferOutput<typeof tokenInfoSchema>;
export type OrgOAuthClient = v.InferOutput<typeof oauthClientSchema>;
export type Entity = v.InferOutput<typeof entity>;


export type TimeoutUnit = 'Minutes' | 'Hours';
const unit = v.picklist(['Minutes', 'Hours']);

const bundleSchema = v.looseObject({
  /** 1 to 5; a user in several bundles' groups gets the lowest number. */
  priority: v.number(),
  timeoutSeconds: v.number(),
  inactivityTimeoutUnit: v.optional(unit),
  /** Group ids. */
  groups: v.array(v.string()),
});

/** The organisation's idle token timeout. Seconds throughout; the unit is for display only. */
export const idleTimeoutSchema = v.looseObject({
  idleTokenTimeoutSeconds: v.optional(v.number()),
  enableIdleTokenTimeout: v.optional(v.boolean()),
  inactivityTimeoutUnit: v.optional(unit),
  inactivityTimeoutGroupsEnabled: v.optional(v.boolean()),
  inactivityTimeoutGroupBundles: v.optional(v.array(bundleSchema)),
});

export type IdleTimeoutGroupBundle = v.InferOutput<typeof bundleSchema>;
export type IdleTokenTimeout = v.InferOutput<typeof idleTimeoutSchema>;

/** Genesys' User, checked at the boundary; every field but the id is optional, unknown fields pass. */
export const userSchema = v.looseObject({
  id: v.string(),
  name: v.optional(v.string()),
  email: v.optional(v.string()),
  username: v.optional(v.string()),
  // Genesys may add states: shown as sent rather than refused.
  state: v.optional(v.string()),
  title: v.optional(v.string()),
  department: v.optional(v.string()),
  division: v.optional(entityRef),
  images: v.optional(v.array(v.looseObject({ resolution: v.optional(v.string()), imageUri: v.optional(v.string()) }))),
  version: v.optional(v.number()),
  dateLastLogin: v.optional(v.string()),
  lastTokenIssued: v.optional(v.looseObject({ dateIssued: v.optional(v.string()) })),
  /** With expand=groups; whether entries carry `name` is unconfirmed: look names up when absent. */
  groups: v.optional(v.array(v.looseObject({ id: v.string(), name: v.optional(v.string()), selfUri: v.optional(v.string()) }))),
  selfUri: v.optional(v.string()),
});

export type User = v.InferOutput<typeof userSchema>;

export const userMeSchema = v.looseObject({
  ...userSchema.entries,
  authorization: v.optional(v.looseObject({ permissions: v.optional(v.array(v.string())) })),
  organization: v.optional(v.looseObject({ id: v.optional(v.string()), name: v.optional(v.string()) })),
});

export type UserMe = v.InferOutput<typeof userMeSchema>;
