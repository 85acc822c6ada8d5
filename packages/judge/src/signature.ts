/**
 * The type grammar of function signatures ([J1] in SPEC.md):
 *
 *   type    := union
 *   union   := postfix ('|' 'null')?
 *   postfix := primary ('[]')*
 *   primary := 'int' | 'float' | 'bool' | 'string' | 'ListNode' | 'any'
 *            | 'Record<string,' type '>' | '{' (name ':' type (';' | ','))* '}' | '(' type ')'
 *
 * `ListNode` is a singly linked list of ints (`{ val, next }`); on the wire and in test files it is
 * written as an array of its values, and an empty list is `null` in the candidate's code.
 * `any` is any JSON-like value ([J52]): what a pad's whole program returns.
 */
export type TypeRef =
  | { kind: 'int' }
  | { kind: 'float' }
  | { kind: 'bool' }
  | { kind: 'string' }
  | { kind: 'list' }
  | { kind: 'any' }
  | { kind: 'array'; of: TypeRef }
  | { kind: 'nullable'; of: TypeRef }
  | { kind: 'dict'; of: TypeRef }
  | { kind: 'struct'; fields: { name: string; type: TypeRef }[] };

export class TypeSyntaxError extends Error {
  override name = 'TypeSyntaxError';
  readonly code = 'JUDGE_ERR_TYPE_SYNTAX';
}

const PRIMITIVES = new Map<string, TypeRef>([
  ['int', { kind: 'int' }],
  ['float', { kind: 'float' }],
  ['bool', { kind: 'bool' }],
  ['string', { kind: 'string' }],
  ['ListNode', { kind: 'list' }],
  ['any', { kind: 'any' }],
]);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

/** Parses a type written in the signature grammar; throws TypeSyntaxError saying what is wrong. */
export function parseType(text: string): TypeRef {
  const tokens = text.match(/[A-Za-z_$][A-Za-z0-9_$]*|\[\]|[<>{}();:,|]|\S/g) ?? [];
  let pos = 0;
  const fail = (what: string): never => {
    throw new TypeSyntaxError(
      `invalid type "${text}": ${what}. Types are int, float, bool, string, ListNode, any, T[], T | null, Record<string, T> or { name: T; ... }`,
    );
  };
  const peek = () => tokens[pos];
  const expect = (token: string) => {
    if (tokens[pos] !== token) fail(`expected "${token}" but found ${tokens[pos] ? `"${tokens[pos]}"` : 'the end'}`);
    pos++;
  };

  const parseUnion = (): TypeRef => {
    const inner = parsePostfix();
    if (peek() === '|') {
      pos++;
      expect('null');
      return { kind: 'nullable', of: inner };
    }
    return inner;
  };
  const parsePostfix = (): TypeRef => {
    let type = parsePrimary();
    while (peek() === '[]') {
      pos++;
      type = { kind: 'array', of: type };
    }
    return type;
  };
  const parsePrimary = (): TypeRef => {
    const token = peek();
    if (token === undefined) return fail('it ended early');
    pos++;
    const primitive = PRIMITIVES.get(token);
    if (primitive) return primitive;
    if (token === '(') {
      const inner = parseUnion();
      expect(')');
      return inner;
    }
    if (token === 'Record') {
      expect('<');
      expect('string');
      expect(',');
      const of = parseUnion();
      expect('>');
      return { kind: 'dict', of };
    }
    if (token === '{') {
      const fields: { name: string; type: TypeRef }[] = [];
      while (peek() !== '}') {
        const name = peek();
        if (name === undefined || !IDENTIFIER.test(name)) return fail('expected a field name');
        if (fields.some((f) => f.name === name)) fail(`field "${name}" appears twice`);
        pos++;
        expect(':');
        fields.push({ name, type: parseUnion() });
        if (peek() === ';' || peek() === ',') pos++;
        else if (peek() !== '}') fail('expected ";" or "}" after a field');
      }
      pos++;
      if (fields.length === 0) fail('an object type needs at least one field');
      return { kind: 'struct', fields };
    }
    return fail(`unknown type "${token}"`);
  };

  const type = parseUnion();
  if (pos !== tokens.length) fail(`unexpected "${tokens[pos]}"`);
  return type;
}

/** Writes a TypeRef as a TypeScript type, for messages and starter code. */
export function formatType(type: TypeRef): string {
  switch (type.kind) {
    case 'int':
    case 'float':
      return 'number';
    case 'bool':
      return 'boolean';
    case 'string':
      return 'string';
    case 'list':
      return 'ListNode | null';
    case 'any':
      return 'unknown';
    case 'array': {
      const inner = formatType(type.of);
      return type.of.kind === 'nullable' || type.of.kind === 'list' ? `(${inner})[]` : `${inner}[]`;
    }
    case 'nullable':
      return `${formatType(type.of)} | null`;
    case 'dict':
      return `Record<string, ${formatType(type.of)}>`;
    case 'struct':
      return `{ ${type.fields.map((f) => `${f.name}: ${formatType(f.type)}`).join('; ')} }`;
  }
}
