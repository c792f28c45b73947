// One cold registry edit, as a whole process (the wiring section spawns this per measurement):
//   node wiring-child.mjs <dist/generator/ URL> <splice|ts-morph> <registry.ts>
// Both implementations get the compiler API the way the CLI does (loadTypeScript: the bundled
// TypeScript with its V8 code cache), so they differ only in how they edit. The result goes to
// <registry.ts>.out; stdout gets the in-process time of the edit (compiler API load included).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const [generator, impl, file] = process.argv.slice(2);
const entry = { id: 'new_payment', value: 'newPayment', importPath: './new-payment/index.js' };
const style = { quote: 'single', indent: '  ' };

/** The same edit through ts-morph's manipulation API (add an import, insert a property). */
function addWithTsMorph(source) {
  const { Project, SyntaxKind, Node, QuoteKind, IndentationText } = createRequire(import.meta.url)(
    'ts-morph',
  );
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: {
      quoteKind: QuoteKind.Single,
      indentationText: IndentationText.TwoSpaces,
    },
  });
  const sourceFile = project.createSourceFile('registry.ts', source);
  const imports = sourceFile
    .getImportDeclarations()
    .filter((declaration) => !declaration.isTypeOnly());
  const before = imports.find(
    (declaration) => declaration.getModuleSpecifierValue() > entry.importPath,
  );
  sourceFile.insertImportDeclaration(
    before === undefined ? sourceFile.getImportDeclarations().length : before.getChildIndex(),
    { namedImports: [entry.value], moduleSpecifier: entry.importPath },
  );
  const object = sourceFile
    .getVariableDeclarationOrThrow('connectors')
    .getInitializerOrThrow()
    .getFirstDescendantByKindOrThrow(SyntaxKind.ObjectLiteralExpression);
  const properties = object.getProperties();
  const index = properties.findIndex(
    (property) => Node.isPropertyNamed(property) && property.getName() > entry.id,
  );
  object.insertPropertyAssignment(index === -1 ? properties.length : index, {
    name: entry.id,
    initializer: entry.value,
  });
  return sourceFile.getFullText();
}

const { loadTypeScript } = await import(new URL('load-typescript.js', generator).href);
const { addToRegistry } = await import(new URL('wire-registry.js', generator).href);
const source = readFileSync(file, 'utf8');
const started = performance.now();
let result;
if (impl === 'splice') {
  result = addToRegistry(source, entry, style);
} else {
  loadTypeScript(); // registers the bundle in require's cache: ts-morph then reuses it
  result = addWithTsMorph(source);
}
const editMs = performance.now() - started;
writeFileSync(`${file}.out`, result);
process.stdout.write(`${JSON.stringify({ editMs })}\n`);
