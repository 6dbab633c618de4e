/**
 * The exported functions of a source file, found with the TypeScript parser (no type checker:
 * one file, parsed in a millisecond), with the line range where a coverage tool records them.
 */
import { ts } from 'ts-morph';

export interface ExportedFunction {
  name: string;
  /** 1-based line and column of the name. */
  line: number;
  column: number;
  /** Lines from the declaration to the start of the body: a coverage tool records the function there. */
  headStart: number;
  headEnd: number;
  /** The body's lines, for a report that has no function entry for it. */
  bodyStart: number;
  bodyEnd: number;
}

type FunctionLike = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration;

export function exportedFunctions(fileName: string, text: string): ExportedFunction[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, scriptKind(fileName));
  const locals = new Map<string, { nameNode: ts.Node; fn: FunctionLike }>();
  const exported: { name: string; nameNode: ts.Node; fn: FunctionLike }[] = [];
  const exportedNames: string[] = [];

  for (const statement of sf.statements) {
    const isExport = hasModifier(statement, ts.SyntaxKind.ExportKeyword);
    if (ts.isFunctionDeclaration(statement) && statement.body) {
      const name = statement.name?.text ?? 'default';
      const entry = { nameNode: statement.name ?? statement, fn: statement };
      if (isExport) exported.push({ name, ...entry });
      else if (statement.name) locals.set(name, entry);
    } else if (ts.isVariableStatement(statement)) {
      for (const decl of statement.declarationList.declarations) {
        if (!ts.isIdentifier(decl.name) || !decl.initializer) continue;
        const init = unwrap(decl.initializer);
        if (!ts.isArrowFunction(init) && !ts.isFunctionExpression(init)) continue;
        const entry = { nameNode: decl.name, fn: init };
        if (isExport) exported.push({ name: decl.name.text, ...entry });
        else locals.set(decl.name.text, entry);
      }
    } else if (ts.isClassDeclaration(statement) && isExport) {
      const className = statement.name?.text ?? 'default';
      for (const member of statement.members) {
        if (!ts.isMethodDeclaration(member) || !member.body) continue;
        if (hasModifier(member, ts.SyntaxKind.PrivateKeyword) || (member.name && ts.isPrivateIdentifier(member.name))) continue;
        exported.push({ name: `${className}.${member.name.getText(sf)}`, nameNode: member.name, fn: member });
      }
    } else if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const spec of statement.exportClause.elements) exportedNames.push((spec.propertyName ?? spec.name).getText(sf));
    } else if (ts.isExportAssignment(statement) && ts.isIdentifier(statement.expression)) {
      exportedNames.push(statement.expression.text);
    }
  }
  for (const name of exportedNames) {
    const local = locals.get(name);
    if (local) exported.push({ name, ...local });
  }

  return exported.map(({ name, nameNode, fn }) => {
    const at = sf.getLineAndCharacterOfPosition(nameNode.getStart(sf));
    const body = fn.body!;
    const bodyStart = sf.getLineAndCharacterOfPosition(body.getStart(sf)).line + 1;
    const bodyEnd = sf.getLineAndCharacterOfPosition(body.getEnd()).line + 1;
    const headStart = Math.min(at.line + 1, sf.getLineAndCharacterOfPosition(fn.getStart(sf)).line + 1);
    return { name, line: at.line + 1, column: at.character + 1, headStart, headEnd: bodyStart, bodyStart, bodyEnd };
  });
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);
}

function unwrap(node: ts.Expression): ts.Expression {
  let current = node;
  while (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isSatisfiesExpression(current)) current = current.expression;
  return current;
}

function scriptKind(fileName: string): ts.ScriptKind {
  if (/\.tsx$/i.test(fileName)) return ts.ScriptKind.TSX;
  if (/\.jsx$/i.test(fileName)) return ts.ScriptKind.JSX;
  if (/\.[cm]?js$/i.test(fileName)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}
