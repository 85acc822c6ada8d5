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

function hasStruct(type: TypeRef): boolean {
  if (type.kind === 'struct') return true;
  if (type.kind === 'array' || type.kind === 'nullable' || type.kind === 'dict') return hasStruct(type.of);
  return false;
}

/**
 * [P33] What a type holding a struct looks like in Python, since its hint only says `dict`:
 * `a list of dicts {"key": str, "value": float}`. Struct fields are described by their hints.
 */
function describe(type: TypeRef, plural = false): string {
  switch (type.kind) {
    case 'struct': {
      const fields = type.fields.map(
        (f) => `"${f.name}": ${hasStruct(f.type) ? describe(f.type) : pythonType(f.type)}`,
      );
      return `${plural ? 'dicts' : 'a dict'} {${fields.join(', ')}}`;
    }
    case 'array':
      return `${plural ? 'lists' : 'a list'} of ${describe(type.of, true)}`;
    case 'nullable':
      return `${describe(type.of, plural)} or None`;
    case 'dict':
      return `${plural ? 'dicts' : 'a dict'} from str to ${describe(type.of, true)}`;
    default:
      return pythonType(type);
  }
}

/** Python's keywords: a parameter named like one gets a trailing underscore, so the stub compiles. */
const PYTHON_KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(
    ' ',
  ),
);

/** A parameter's name as Python can write it; the harness passes arguments by position. */
function pythonName(name: string): string {
  return PYTHON_KEYWORDS.has(name) ? `${name}_` : name;
}

/**
 * Starter code for a signature in Python ([P6], [P33], [J60]): a type-hinted function, LeetCode's
 * ListNode described as the judge provides it, the interactive functions the judge provides (their
 * declarations come in Python form, `knows(a: int, b: int) -> bool`), and the keys of every struct.
 */
export function pythonStarter(signature: StarterSignature, interactive?: InteractiveStarter): string {
  const params = signature.params.map((p) => ({ name: pythonName(p.name), type: parseType(p.type) }));
  const returns = parseType(signature.returns);
  const all = [...params.map((p) => p.type), returns];
  const lines: string[] = [];
  const typing = typingNames(all);
  if (typing.length > 0) lines.push(`from typing import ${typing.join(', ')}`, '');
  if (all.some(usesList)) {
    lines.push(
      '# Definition for singly-linked list, provided by the judge (an empty list is None):',
      '# class ListNode:',
      '#     def __init__(self, val=0, next=None):',
      '#         self.val = val',
      '#         self.next = next',
      '',
    );
  }
  if (interactive?.functions.length) {
    lines.push('# Provided by the judge: call it, do not define it.');
    for (const name of interactive.functions) {
      const declaration = interactive.declarations?.[name] ?? `${name}(*args)`;
      lines.push(`# def ${declaration}: ...`);
    }
    lines.push('');
  }
  const docs = [
    ...params.filter((p) => hasStruct(p.type)).map((p) => `    # ${p.name}: ${describe(p.type)}`),
    ...(hasStruct(returns) ? [`    # Return ${describe(returns)}.`] : []),
  ];
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
