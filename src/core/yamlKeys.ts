/** Duplicate keys in a parsed YAML tree, found in linear time (the YAML parser's own check is quadratic). */
import { isMap, isPair, isScalar, isSeq, type Node as YamlNode } from 'yaml';

/** Keys that repeat within one mapping, anywhere in a YAML tree (one Set per mapping: linear). */
export function duplicateKeys(contents: unknown): Array<{ key: string; range: [number, number] }> {
  const out: Array<{ key: string; range: [number, number] }> = [];
  const stack: unknown[] = [contents];
  while (stack.length) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const keyNode = item.key as YamlNode | null;
        const k = isScalar(keyNode) ? keyNode.value : keyNode ? String(keyNode) : null;
        if (seen.has(k)) out.push({ key: String(k), range: keyNode?.range ? [keyNode.range[0], keyNode.range[1]] : [0, 1] });
        else seen.add(k);
        stack.push(item.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return out.sort((a, b) => a.range[0] - b.range[0]);
}
