import { parseType, type TypeRef } from '../signature.ts';
import type { InteractiveStarter, StarterSignature } from './jsFamilyStarter.ts';

/** A TypeRef as a Python type hint ([J60]): what the harness passes in and accepts back. */
export function pythonType(type: TypeRef): string {
  switch (type.kind) {
    case 'int':
      return 'int';
    case 'float':
      return 'float';
    case 'bool':
      return 'bool';
    case 'string':
      return 'str';
    case 'list':
      return 'Optional[ListNode]';
    case 'any':
      return 'Any';
    case 'array':
      return `List[${pythonType(type.of)}]`;
    case 'nullable':
      return type.of.kind === 'list' ? pythonType(type.of) : `Optional[${pythonType(type.of)}]`;
    case 'dict':
      return `Dict[str, ${pythonType(type.of)}]`;
    case 'struct':
      return 'dict';
  }
}

function typingNames(types: TypeRef[]): string[] {
  const names = new Set<string>();
  const visit = (type: TypeRef): void => {
    switch (type.kind) {
      case 'list':
        names.add('Optional');
        break;
      case 'any':
        names.add('Any');
        break;
      case 'array':
        names.add('List');
        visit(type.of);
        break;
      case 'nullable':
        names.add('Optional');
        visit(type.of);
        break;
      case 'dict':
        names.add('Dict');
        visit(type.of);
        break;
      case 'struct':
        for (const field of type.fields) visit(field.type);
        break;
      default:
        break;
    }
  };
  for (const type of types) visit(type);
  return ['Any', 'Dict', 'List', 'Optional'].filter((name) => names.has(name));
}

function usesList(type: TypeRef): boolean {
  if (type.kind === 'list') return true;
  if (type.kind === 'array' || type.kind === 'nullable' || type.kind === 'dict') return usesList(type.of);
  if (type.kind === 'struct') return type.fields.some((f) => usesList(f.type));
  return false;
}

function structDoc(type: TypeRef): string | undefined {
  if (type.kind === 'struct') return `{${type.fields.map((f) => `"${f.name}": ${pythonType(f.type)}`).join(', ')}}`;
  if (type.kind === 'array' || type.kind === 'nullable' || type.kind === 'dict') return structDoc(type.of);
  return undefined;
}

/**
 * Starter code for a signature in Python ([P6], [J60]): a type-hinted function, LeetCode's ListNode
 * described as the judge provides it, and the interactive functions the judge provides.
 */
export function pythonStarter(signature: StarterSignature, interactive?: InteractiveStarter): string {
  const params = signature.params.map((p) => ({ name: p.name, type: parseType(p.type) }));
  const returns = parseType(signature.returns);
  const all = [...params.map((p) => p.type), returns];
  const lines: string[] = [];
  const typing = typingNames(all);
  if (typing.length > 0) lines.push(`from typing import ${typing.join(', ')}`, '');
  if (all.some(usesList)) {
    lines.push(
      '# Provided by the judge (an empty list is None):',
      '# class ListNode:',
      '#     def __init__(self, val=0, next=None):',
      '#         self.val = val',
      '#         self.next = next',
      '',
    );
  }
  for (const name of interactive?.functions ?? []) {
    const declaration = interactive?.declarations?.[name] ?? `${name}(*args)`;
    lines.push(`# Provided by the judge: ${declaration}`);
  }
  if (interactive?.functions.length) lines.push('');
  const docs = [
    ...params.map((p) => ({ name: p.name, doc: structDoc(p.type) })),
    { name: 'returns', doc: structDoc(returns) },
  ]
    .filter((d) => d.doc !== undefined)
    .map((d) => `    # ${d.name}: ${d.doc}`);
  lines.push(
    '',
    `def ${signature.function}(${params.map((p) => `${p.name}: ${pythonType(p.type)}`).join(', ')}) -> ${pythonType(returns)}:`,
    ...docs,
    '    # Write your solution here.',
    '    pass',
    '',
  );
  while (lines[0] === '') lines.shift();
  return lines.join('\n');
}
