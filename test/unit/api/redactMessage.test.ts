import { MAX_MESSAGE, redactDetails, redactMessage } from '../../../src/api/redactMessage';

/** Issue 10, item 8: the message templates graphql-js and our scalars echo values in, each withheld; everything else capped. */
describe('redactMessage', () => {
  const withheld = (what: string) => `<已隐去的值 value withheld: ${what}>`;

  it('withholds the value of a variable coercion error and of the scalar message after it, keeping the path', () => {
    const message = 'Variable "$input" got invalid value { head: { name: "张三", phone: { n: "13900007399" } } } at "input.head.phone"; String cannot represent a non string value: { n: "13900007399" }';
    expect(redactMessage(message)).toBe(`Variable "$input" got invalid value ${withheld('object')} at "input.head.phone"; String cannot represent a non string value: ${withheld('object')}`);
  });

  it('withholds values printed from the query text, strings with quotes and escapes included', () => {
    expect(redactMessage('Expected value of type "Int!", found "a \\" b; c".')).toBe(`Expected value of type "Int!", found ${withheld('string, 9 chars')}.`);
    expect(redactMessage('Expected value of type "ID!", found [1, {a: "]"}]; ID cannot represent value: [1]')).toBe(
      `Expected value of type "ID!", found ${withheld('list')}; ID cannot represent value: ${withheld('list')}`,
    );
    expect(redactMessage('Int cannot represent non 32-bit signed integer value: 13900007399')).toBe(`Int cannot represent non 32-bit signed integer value: ${withheld('number')}`);
    expect(redactMessage('Expected value of type "String", found """block "" text""".')).toBe(`Expected value of type "String", found ${withheld('string, 13 chars')}.`);
  });

  it('withholds an unknown enum value but keeps the suggestion, which is a name the schema defines', () => {
    expect(redactMessage('Value "TEKUNN" does not exist in "Marker" enum. Did you mean the enum value "TEKUN"?')).toBe(
      `Value ${withheld('string, 6 chars')} does not exist in "Marker" enum. Did you mean the enum value "TEKUN"?`,
    );
  });

  it("withholds the value our date scalars quote after ', got'", () => {
    expect(redactMessage('DateTime: expected an ISO-8601 value like 2026-11-27T08:00:00.000Z, got {"when":"13900007399"}')).toBe(
      `DateTime: expected an ISO-8601 value like 2026-11-27T08:00:00.000Z, got ${withheld('object')}`,
    );
  });

  it('keeps null and booleans, which say nothing about anyone', () => {
    expect(redactMessage('Variable "$x" got invalid value null; Expected non-nullable type "ID!" not to be null.')).toContain('got invalid value null;');
  });

  it('cuts any other long quoted string, and the whole message', () => {
    const long = 'y'.repeat(5000);
    const cut = redactMessage(`Cannot query field "${long}" on type "Query".`);
    expect(cut).not.toContain('y'.repeat(100));
    expect(cut).toContain('5000 chars');
    expect(cut).toContain('on type "Query"');
    expect(redactMessage('z '.repeat(5000)).length).toBeLessThanOrEqual(MAX_MESSAGE + 20);
  });

  it('leaves an ordinary message alone', () => {
    const message = 'households: a VOLUNTEER may not do this (allowed: ADMIN, COORDINATOR)';
    expect(redactMessage(message)).toBe(message);
  });
});

describe('redactDetails', () => {
  it('caps long strings and long lists in error extensions', () => {
    const capped = redactDetails({ id: 'q'.repeat(10_000), issues: Array.from({ length: 500 }, (_, i) => ({ message: `m${i}` })) }) as { id: string; issues: unknown[] };
    expect(capped.id.length).toBeLessThan(120);
    expect(capped.issues).toHaveLength(20);
  });
});
