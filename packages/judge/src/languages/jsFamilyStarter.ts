import { formatType, parseType, type TypeRef } from '../signature.ts';

/** The signature as problem.yaml writes it. */
export interface StarterSignature {
  function: string;
  params: { name: string; type: string }[];
  returns: string;
}

function usesList(type: TypeRef): boolean {
  switch (type.kind) {
    case 'list':
      return true;
    case 'array':
    case 'nullable':
    case 'dict':
      return usesList(type.of);
    case 'struct':
      return type.fields.some((f) => usesList(f.type));
    default:
      return false;
  }
}

/** The interactive functions a problem provides, with their TypeScript declarations by name. */
export interface InteractiveStarter {
  functions: string[];
  declarations?: Record<string, string>;
}

/**
 * Starter code for a signature in JavaScript's family ([P6]): a typed stub when `typed` (TypeScript),
 * a JSDoc-annotated stub otherwise, with the declarations of ListNode and interactive functions the
 * judge provides.
 */
export function jsFamilyStarter(signature: StarterSignature, typed: boolean, interactive?: InteractiveStarter): string {
  const params = signature.params.map((p) => ({ name: p.name, type: formatType(parseType(p.type)) }));
  const returns = formatType(parseType(signature.returns));
  const types = [...signature.params.map((p) => parseType(p.type)), parseType(signature.returns)];
  const lines: string[] = [];
  if (types.some(usesList)) {
    lines.push(
      '/**',
      ' * Provided by the judge:',
      ' * function ListNode(val, next) { this.val = val ?? 0; this.next = next ?? null; }',
      ' */',
    );
    if (typed) {
      lines.push(
        'declare class ListNode {',
        '  val: number;',
        '  next: ListNode | null;',
        '  constructor(val?: number, next?: ListNode | null);',
        '}',
      );
    }
    lines.push('');
  }
  for (const name of interactive?.functions ?? []) {
    const declaration = interactive?.declarations?.[name] ?? `${name}(...args: unknown[]): unknown`;
    lines.push(`// Provided by the judge: ${declaration}`);
    if (typed) lines.push(`declare function ${declaration};`);
  }
  if (interactive?.functions.length) lines.push('');
  if (typed) {
    lines.push(`function ${signature.function}(${params.map((p) => `${p.name}: ${p.type}`).join(', ')}): ${returns} {`);
  } else {
    lines.push('/**');
    for (const p of params) lines.push(` * @param {${p.type}} ${p.name}`);
    lines.push(
      ` * @return {${returns}}`,
      ' */',
      `function ${signature.function}(${params.map((p) => p.name).join(', ')}) {`,
    );
  }
  lines.push('  // Write your solution here.', '}', '');
  return lines.join('\n');
}
