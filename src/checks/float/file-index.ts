import { ts } from 'ts-morph';

/** The nodes float rules look at, collected in one walk of a file. */
export interface FileIndex {
  /** Every binary expression (arithmetic, comparison, assignment), in source order. */
  binary: ts.BinaryExpression[];
  calls: ts.CallExpression[];
  news: ts.NewExpression[];
  prefixUnary: ts.PrefixUnaryExpression[];
  /** Property signatures and class properties (domain types). */
  properties: (ts.PropertySignature | ts.PropertyDeclaration)[];
}

export function indexFile(sourceFile: ts.SourceFile): FileIndex {
  const index: FileIndex = { binary: [], calls: [], news: [], prefixUnary: [], properties: [] };
  const visit = (node: ts.Node): void => {
    switch (node.kind) {
      case ts.SyntaxKind.BinaryExpression:
        index.binary.push(node as ts.BinaryExpression);
        break;
      case ts.SyntaxKind.CallExpression:
        index.calls.push(node as ts.CallExpression);
        break;
      case ts.SyntaxKind.NewExpression:
        index.news.push(node as ts.NewExpression);
        break;
      case ts.SyntaxKind.PrefixUnaryExpression:
        index.prefixUnary.push(node as ts.PrefixUnaryExpression);
        break;
      case ts.SyntaxKind.PropertySignature:
      case ts.SyntaxKind.PropertyDeclaration:
        index.properties.push(node as ts.PropertySignature | ts.PropertyDeclaration);
        break;
      default:
        break;
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return index;
}
