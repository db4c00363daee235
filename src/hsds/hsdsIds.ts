import { createHash } from 'node:crypto';

/**
 * HSDS ids are UUIDs; Huzhu ids are `<prefix>_<key>`. A record's HSDS id is the
 * one it was imported with (its `hsds:` external id), else a name-based UUID
 * (RFC 9562 version 5) of its Huzhu id, so an export is the same every time and
 * a re-import finds the record it came from. Sub-records that Huzhu does not
 * store on their own (a service's location, area, schedule, capacity, an
 * attribute) get a version-5 UUID of their parent's HSDS id and their role.
 */
export const HSDS_EXTERNAL_PREFIX = 'hsds:';

/** The namespace of every Huzhu name-based UUID (itself a v5 UUID of "huzhu.dayi" in the URL namespace). */
export const HUZHU_UUID_NAMESPACE = uuidV5('huzhu.dayi', '6ba7b811-9dad-11d1-80b4-00c04fd430c8');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** RFC 9562 version 5 (SHA-1, name-based) UUID of `name` in `namespace`. */
export function uuidV5(name: string, namespace: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A deterministic UUID for a name in Huzhu's namespace. */
export function huzhuUuid(name: string): string {
  return uuidV5(name, HUZHU_UUID_NAMESPACE);
}

/** The record's HSDS id: its imported one, else the v5 UUID of its Huzhu id. */
export function hsdsIdOf(record: { id: string; externalIds?: readonly string[] | undefined }): string {
  const imported = record.externalIds?.find((e) => e.startsWith(HSDS_EXTERNAL_PREFIX));
  return imported ? imported.slice(HSDS_EXTERNAL_PREFIX.length) : huzhuUuid(record.id);
}

/** The HSDS id of a sub-record: `role` under its parent's HSDS id. */
export function subId(parentHsdsId: string, role: string): string {
  return huzhuUuid(`${parentHsdsId}/${role}`);
}
