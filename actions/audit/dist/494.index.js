import { createRequire as __tollgateCreateRequire } from 'node:module';
import { dirname as __tollgateDirname } from 'node:path';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
export const id = 494;
export const ids = [494];
export const modules = {

/***/ 4653:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  n: () => (/* binding */ analyze)
});

// EXTERNAL MODULE: ./build/src/rules/rule.js
var rules_rule = __webpack_require__(1543);
// EXTERNAL MODULE: ./node_modules/ts-morph/dist/ts-morph.js
var ts_morph = __webpack_require__(8721);
// EXTERNAL MODULE: ./build/src/checks/float/shapes.js
var shapes = __webpack_require__(2150);
;// CONCATENATED MODULE: ./build/src/checks/float/arithmetic.js
/**
 * One decision per arithmetic chain, shared by the arithmetic rules so that an expression is
 * reported once and by the rule that names its real problem:
 *   - `cents / 100` (then used as a value)          → minor-major-units ('minor-to-major')
 *   - `Math.round(price * 100)`, `BigInt(price*100)` → minor-major-units ('major-to-minor')
 *   - `Math.round(x * 100) / 100`                    → minor-major-units ('round-trip')
 *   - `sum + line.price` in a reduce, `+=` in a loop → money-float-accumulate
 *   - any other float arithmetic that yields money   → money-float-arith
 * and silence for what is fine: ratios (money ÷ money), whole minor units kept whole
 * (`cents * qty`, `Math.round(cents * rate)`), string concatenation, display-only division,
 * arithmetic handed straight to a decimal constructor (decimal-from-float reports it) and
 * conversions that decimal-to-number or money-parse-float report.
 */


const SK = ts_morph.ts.SyntaxKind;
const FLOAT_PARSERS = new Set(['parseFloat', 'Number.parseFloat', 'Number']);
const CONVERTERS = new Set(['toNumber', 'toUnit', 'toJSNumber', 'toFloat']);
class ArithmeticClassifier {
    money;
    checker;
    cache = new Map();
    constructor(money, checker) {
        this.money = money;
        this.checker = checker;
    }
    /** The classification of an arithmetic chain top or compound assignment; undefined when fine. */
    classify(node) {
        if (this.cache.has(node))
            return this.cache.get(node) ?? undefined;
        const result = (0,shapes/* isCompoundArithmetic */.W0)(node) ? this.compound(node) : (0,shapes/* isArithmetic */.rJ)(node) && (0,shapes/* isChainTop */.xA)(node) ? this.chain(node) : undefined;
        this.cache.set(node, result ?? null);
        return result;
    }
    isFloatNumber(v) {
        return v.isMoney && (v.repr === 'number' || v.repr === 'any') && v.shape !== 'integer';
    }
    chain(node) {
        const v = this.money.expr(node);
        if (v.repr !== 'number' && v.repr !== 'any')
            return undefined;
        const op = node.operatorToken.kind;
        const { parent } = (0,shapes/* outerParent */.sl)(node);
        const division = this.unitDivision(node);
        if (division) {
            const left = (0,shapes/* unwrap */.oA)(division.left);
            if ((0,shapes/* isRoundingCall */.jV)(left) && left.arguments[0] && this.isMajorScaling(left.arguments[0]))
                return { kind: 'round-trip', verdict: this.money.expr(left.arguments[0]), at: division };
            if (division === node && (0,shapes/* isDisplayUse */.qQ)(node))
                return undefined;
            if ((0,shapes/* isRoundingCall */.jV)(parent))
                return undefined; // `Math.trunc(scaled / 10_000)`: rounded straight back to whole units
            return { kind: 'minor-to-major', verdict: this.money.expr(division.left), at: division };
        }
        if (!v.isMoney)
            return undefined;
        if (op === SK.MinusToken && (0,shapes/* isComparatorResult */.YP)(node))
            return undefined;
        if (v.shape === 'integer')
            return undefined; // whole amounts are exact in a float
        // `Math.floor(room / n)` with both whole: integer division, exact.
        if (op === SK.SlashToken && (0,shapes/* isRoundingCall */.jV)(parent) && this.money.expr(node.left).shape === 'integer' && this.money.expr(node.right).shape === 'integer')
            return undefined;
        if (op === SK.AsteriskToken && this.isMajorScaling(node)) {
            const call = ts_morph.ts.isCallExpression(parent) ? parent : undefined;
            if (call && (0,shapes/* isRoundingCall */.jV)(call)) {
                const outer = (0,shapes/* outerParent */.sl)(call).parent;
                if (ts_morph.ts.isBinaryExpression(outer) && outer.operatorToken.kind === SK.SlashToken && (0,shapes/* isPowerOfTen */.Sn)(outer.right, this.checker))
                    return undefined; // the round trip is reported once, at the division
                return { kind: 'major-to-minor', verdict: v };
            }
            if (call && (0,shapes/* calleeText */.eS)(call) === 'BigInt')
                return { kind: 'major-to-minor', verdict: v };
            const stored = (0,shapes/* storedName */.Rs)(node);
            if (stored !== undefined && this.money.name(stored).minor)
                return { kind: 'major-to-minor', verdict: v };
        }
        if (v.minor && (0,shapes/* isRoundingCall */.jV)(parent))
            return undefined;
        if (this.isDecimalArgument(node))
            return undefined;
        if (this.onlyConvertedMoney(node))
            return undefined;
        const stored = (0,shapes/* storedName */.Rs)(node);
        if (stored !== undefined && this.money.name(stored).veto)
            return undefined;
        if (this.accumulates(node))
            return this.countsOnly(node) ? undefined : { kind: 'accumulate', verdict: v };
        if (!this.isFloatNumber(v))
            return undefined;
        return { kind: 'float-money', verdict: v };
    }
    compound(node) {
        const v = this.money.expr(node);
        if (!this.isFloatNumber(v))
            return undefined;
        const target = this.money.expr(node.left);
        if (target.repr !== 'number' && target.repr !== 'any')
            return undefined;
        if (target.notMoney)
            return undefined;
        if (this.onlyConvertedMoney(node.right) && !target.isMoney)
            return undefined;
        const additive = node.operatorToken.kind === SK.PlusEqualsToken || node.operatorToken.kind === SK.MinusEqualsToken;
        const added = this.money.expr(node.right);
        // `totals.added += e.added.length`: adding a whole count that is not money sums no money.
        if (additive && !added.isMoney && added.shape === 'integer')
            return undefined;
        const accumulating = additive && (0,shapes/* isInLoop */.IV)(node);
        return { kind: accumulating ? 'accumulate' : 'float-money', verdict: added.isMoney ? added : v };
    }
    /** A `cents / 100` inside the chain (the top included), not looking into calls. */
    unitDivision(node) {
        const e = (0,shapes/* unwrap */.oA)(node);
        if (ts_morph.ts.isPrefixUnaryExpression(e) && e.operator === SK.MinusToken)
            return this.unitDivision(e.operand);
        if (!(0,shapes/* isArithmetic */.rJ)(e))
            return undefined;
        if (e.operatorToken.kind === SK.SlashToken && (0,shapes/* isPowerOfTen */.Sn)(e.right, this.checker)) {
            const dividend = this.money.expr(e.left);
            if (dividend.isMoney && dividend.minor && dividend.shape === 'integer')
                return e;
        }
        return this.unitDivision(e.left) ?? this.unitDivision(e.right);
    }
    /** `price * 100` with `price` money in major units. */
    isMajorScaling(expr) {
        const e = (0,shapes/* unwrap */.oA)(expr);
        if (!ts_morph.ts.isBinaryExpression(e) || e.operatorToken.kind !== SK.AsteriskToken)
            return false;
        for (const [value, factor] of [
            [e.left, e.right],
            [e.right, e.left],
        ]) {
            if (!(0,shapes/* isPowerOfTen */.Sn)(factor, this.checker))
                continue;
            const v = this.money.expr(value);
            if (v.isMoney && !v.minor && v.shape !== 'integer' && (v.repr === 'number' || v.repr === 'any'))
                return true;
        }
        return false;
    }
    /**
     * `rules.reduce((total, r) => total + r.count, 0)`: a reduce that starts from a whole number
     * and adds or subtracts only whole values that are not money sums counts, whatever the
     * accumulator is called.
     */
    countsOnly(node) {
        const fn = (0,shapes/* returnedFrom */.Yc)(node);
        const call = fn ? (0,shapes/* reduceCallOf */.ep)(fn) : undefined;
        const accumulator = fn?.parameters[0];
        const initial = call?.arguments[1];
        if (!call || !accumulator || !initial || !ts_morph.ts.isIdentifier(accumulator.name))
            return false;
        if (this.money.expr(initial).shape !== 'integer')
            return false;
        const symbol = this.checker.getSymbolAtLocation(accumulator.name);
        const terms = [];
        const collect = (e) => {
            const u = (0,shapes/* unwrap */.oA)(e);
            if (ts_morph.ts.isBinaryExpression(u) && (u.operatorToken.kind === SK.PlusToken || u.operatorToken.kind === SK.MinusToken)) {
                collect(u.left);
                collect(u.right);
            }
            else
                terms.push(u);
        };
        collect(node);
        return terms.every((t) => {
            if (ts_morph.ts.isIdentifier(t) && symbol && this.checker.getSymbolAtLocation(t) === symbol)
                return true;
            const v = this.money.expr(t);
            return !v.isMoney && v.shape === 'integer';
        });
    }
    /** `sum + x.price` returned from a reduce callback that mentions its accumulator; `t = t + p` in a loop. */
    accumulates(node) {
        const fn = (0,shapes/* returnedFrom */.Yc)(node);
        if (fn && (0,shapes/* reduceCallOf */.ep)(fn)) {
            const accumulator = fn.parameters[0];
            const symbol = accumulator && ts_morph.ts.isIdentifier(accumulator.name) ? this.checker.getSymbolAtLocation(accumulator.name) : undefined;
            if (symbol && (0,shapes/* mentionsSymbol */.Ee)(node, symbol, this.checker))
                return true;
        }
        const { parent, child } = (0,shapes/* outerParent */.sl)(node);
        if (ts_morph.ts.isBinaryExpression(parent) && parent.operatorToken.kind === SK.EqualsToken && parent.right === child && (0,shapes/* isInLoop */.IV)(parent)) {
            const target = (0,shapes/* unwrap */.oA)(parent.left);
            const symbol = this.checker.getSymbolAtLocation(ts_morph.ts.isPropertyAccessExpression(target) ? target.name : target);
            if (symbol && (0,shapes/* mentionsSymbol */.Ee)(node, symbol, this.checker))
                return true;
        }
        return false;
    }
    /** Arithmetic passed straight to a decimal: `new Big(price * qty)`, `total.plus(a * b)`, `Dinero({ amount: x * 100 })`. */
    isDecimalArgument(node) {
        let { parent, child } = (0,shapes/* outerParent */.sl)(node);
        if (ts_morph.ts.isPropertyAssignment(parent) && ts_morph.ts.isObjectLiteralExpression(parent.parent)) {
            child = parent.parent;
            parent = (0,shapes/* outerParent */.sl)(parent.parent).parent;
        }
        if (!(ts_morph.ts.isCallExpression(parent) || ts_morph.ts.isNewExpression(parent)) || !parent.arguments?.includes(child))
            return false;
        if (this.money.expr(parent).repr === 'decimal')
            return true;
        const callee = (0,shapes/* unwrap */.oA)(parent.expression);
        return ts_morph.ts.isPropertyAccessExpression(callee) && this.money.expr(callee.expression).repr === 'decimal';
    }
    /**
     * Every money operand of the chain is a conversion another rule reports: `dec.toNumber() * 2`
     * (decimal-to-number), `parseFloat(priceText) + 1` (money-parse-float).
     */
    onlyConvertedMoney(node) {
        const leaves = [];
        const collect = (e) => {
            const x = (0,shapes/* unwrap */.oA)(e);
            if ((0,shapes/* isArithmetic */.rJ)(x) || (0,shapes/* isCompoundArithmetic */.W0)(x)) {
                collect(x.left);
                collect(x.right);
            }
            else if (ts_morph.ts.isPrefixUnaryExpression(x) && x.operator === SK.MinusToken)
                collect(x.operand);
            else
                leaves.push(x);
        };
        collect(node);
        const money = leaves.filter((l) => this.money.expr(l).isMoney);
        return money.length > 0 && money.every((l) => this.isReportedConversion(l));
    }
    isReportedConversion(e) {
        if (ts_morph.ts.isCallExpression(e)) {
            const arg = e.arguments[0];
            if (FLOAT_PARSERS.has((0,shapes/* calleeText */.eS)(e)) && arg) {
                const from = this.money.expr(arg).repr;
                return from === 'decimal' || from === 'string' || from === 'any' || from === 'bigint';
            }
            const callee = (0,shapes/* unwrap */.oA)(e.expression);
            return ts_morph.ts.isPropertyAccessExpression(callee) && CONVERTERS.has((0,shapes/* calleeName */.wt)(e)) && this.money.expr(callee.expression).repr === 'decimal';
        }
        if (ts_morph.ts.isPrefixUnaryExpression(e) && e.operator === SK.PlusToken) {
            const from = this.money.expr(e.operand).repr;
            return from === 'decimal' || from === 'string' || from === 'any';
        }
        return false;
    }
}
//# sourceMappingURL=arithmetic.js.map
;// CONCATENATED MODULE: ./build/src/checks/float/file-index.js

function indexFile(sourceFile) {
    const index = { binary: [], calls: [], news: [], prefixUnary: [], properties: [] };
    const visit = (node) => {
        switch (node.kind) {
            case ts_morph.ts.SyntaxKind.BinaryExpression:
                index.binary.push(node);
                break;
            case ts_morph.ts.SyntaxKind.CallExpression:
                index.calls.push(node);
                break;
            case ts_morph.ts.SyntaxKind.NewExpression:
                index.news.push(node);
                break;
            case ts_morph.ts.SyntaxKind.PrefixUnaryExpression:
                index.prefixUnary.push(node);
                break;
            case ts_morph.ts.SyntaxKind.PropertySignature:
            case ts_morph.ts.SyntaxKind.PropertyDeclaration:
                index.properties.push(node);
                break;
            default:
                break;
        }
        ts_morph.ts.forEachChild(node, visit);
    };
    visit(sourceFile);
    return index;
}
//# sourceMappingURL=file-index.js.map
;// CONCATENATED MODULE: ./build/src/checks/float/words.js
const STRONG = [
    'price', 'amount', 'amt', 'balance', 'pnl', 'fee', 'cost', 'total', 'subtotal', 'notional', 'qty', 'quantity',
    'money', 'cash', 'payment', 'payout', 'refund', 'revenue', 'salary', 'wage', 'tax', 'vat', 'tip', 'commission',
    'premium', 'principal', 'proceeds', 'bid', 'ask', 'tick', 'fare', 'rebate', 'surcharge', 'aum', 'usd', 'eur', 'gbp', 'jpy',
    'chf', 'cad', 'aud', 'nzd', 'cny', 'inr', 'sek', 'nok', 'dkk', 'hkd', 'sgd', 'btc', 'eth', 'usdc', 'usdt',
];
const WEAK = [
    'value', 'net', 'gross', 'credit', 'debit', 'charge', 'margin', 'profit', 'loss', 'discount', 'deposit', 'withdrawal',
    'spend', 'spent', 'budget', 'income', 'rent', 'equity', 'exposure', 'limit', 'paid', 'due', 'owed', 'outstanding',
    'sum', 'sale', 'purchase', 'bill', 'capital', 'collateral', 'spread', 'nav', 'unrealized', 'realized', 'settled',
    'available', 'pending', 'opening', 'closing',
];
const VETO = [
    'percent', 'percentage', 'pct', 'perc', 'ratio', 'rate', 'bps', 'bp', 'points', 'count', 'cnt', 'num', 'number',
    'no', 'index', 'idx', 'ms', 'millis', 'milliseconds', 'sec', 'secs', 'seconds', 'minutes', 'hours', 'hrs', 'days',
    'weeks', 'months', 'years', 'year', 'month', 'day', 'duration', 'latency', 'timeout', 'interval', 'delay', 'ttl',
    'elapsed', 'ns', 'nanos', 'id', 'uuid', 'guid', 'key', 'seq', 'sequence', 'version', 'timestamp', 'ts', 'time',
    'date', 'epoch', 'length', 'len', 'width', 'height', 'px', 'offset', 'page', 'pages', 'items', 'rows', 'records',
    'attempts', 'retries', 'weight', 'score', 'factor', 'multiplier', 'coefficient', 'coef', 'decimals', 'precision',
    'scale', 'digits', 'places', 'depth', 'priority', 'rank', 'percentile', 'yield', 'apr', 'apy', 'roi', 'volatility',
    'sigma', 'beta', 'gamma', 'theta', 'vega', 'tolerance', 'epsilon', 'exponent', 'tier', 'type', 'kind', 'code',
    'status', 'flag', 'mode', 'bucket', 'hash', 'age', 'fraction', 'growth', 'bytes', 'byte', 'bits', 'kb', 'mb', 'gb',
];
const MINOR = ['cents', 'cent', 'pence', 'penny', 'pennies', 'minor', 'satoshi', 'satoshis', 'sats', 'sat', 'wei', 'gwei', 'paise', 'lamports', 'kopeks'];
/** Words that say a bare number is fractional (a ratio), for "cents × rate is not whole cents". */
const FRACTION_WORDS = new Set(['percent', 'percentage', 'pct', 'perc', 'ratio', 'rate', 'factor', 'multiplier', 'coefficient', 'coef', 'weight', 'fraction', 'share', 'yield', 'apr', 'apy', 'growth']);
/** Words that say a bare number is a whole count ("cents × quantity is still whole cents"). */
const COUNT_WORDS = new Set(['count', 'cnt', 'num', 'number', 'length', 'len', 'qty', 'quantity', 'units', 'unit', 'days', 'months', 'years', 'weeks', 'n', 'size', 'lots', 'installments', 'periods', 'shares', 'seats', 'nights', 'items']);
const CONVERSION_PREFIXES = new Set(['as', 'to', 'from', 'in']);
const TYPE_WORDS = new Set(['number', 'float', 'string', 'int', 'integer', 'decimal', 'big', 'bigint', 'str']);
function edit(base, change) {
    const set = new Set(base);
    for (const w of change.remove)
        set.delete(w);
    for (const w of change.add)
        set.add(w);
    return set;
}
function wordLists(config) {
    return {
        strong: edit(STRONG, config.moneyWords),
        weak: edit(WEAK, config.weakMoneyWords),
        veto: edit(VETO, config.vetoWords),
        minor: edit(MINOR, config.minorUnitWords),
    };
}
/** `unitPrice` → unit, price; `TOTAL_AMOUNT_USD` → total, amount, usd; `price2` → price, 2; `PnL` → pn, l. */
function splitWords(name) {
    const parts = name.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g) ?? [];
    return parts.map((p) => p.toLowerCase());
}
/**
 * Classifies a name. Plurals count (`prices`, `quantities`), and two adjacent parts may form
 * one word (`PnL` splits into "pn" + "l", which together are "pnl").
 */
class NameClassifier {
    lists;
    cache = new Map();
    constructor(lists) {
        this.lists = lists;
    }
    classify(name) {
        let hit = this.cache.get(name);
        if (!hit) {
            hit = this.compute(name);
            this.cache.set(name, hit);
        }
        return hit;
    }
    /** The list a single word belongs to, trying the word itself and its singular. */
    lookup(word) {
        for (const candidate of singulars(word)) {
            for (const list of ['veto', 'minor', 'strong', 'weak']) {
                if (this.lists[list].has(candidate))
                    return { list, word: candidate };
            }
        }
        return undefined;
    }
    compute(name) {
        const parts = splitWords(name);
        const found = [];
        for (let i = 0; i < parts.length; i++) {
            const part = parts[i];
            const next = parts[i + 1];
            if (CONVERSION_PREFIXES.has(part) && next !== undefined && TYPE_WORDS.has(next)) {
                i++; // `balanceAsNumber`, `amountToFloat`: a conversion, not a count
                continue;
            }
            const joined = next === undefined ? undefined : this.lookup(part + next);
            if (joined && !this.lookup(part)) {
                found.push(joined);
                i++;
                continue;
            }
            const single = this.lookup(part);
            if (single)
                found.push(single);
        }
        const veto = found.find((f) => f.list === 'veto');
        if (veto)
            return { kind: 'veto', word: veto.word };
        const strong = found.filter((f) => f.list === 'strong' || f.list === 'minor');
        const weak = found.filter((f) => f.list === 'weak');
        const minor = found.some((f) => f.list === 'minor');
        if (strong.length > 0)
            return { kind: 'money', words: [...strong, ...weak].map((f) => f.word), minor };
        if (weak.length >= 2)
            return { kind: 'money', words: weak.map((f) => f.word), minor };
        return { kind: 'neutral' };
    }
}
function singulars(word) {
    const out = [word];
    if (word.endsWith('ies') && word.length > 4)
        out.push(`${word.slice(0, -3)}y`);
    if (word.endsWith('es') && word.length > 3)
        out.push(word.slice(0, -2));
    if (word.endsWith('s') && word.length > 2)
        out.push(word.slice(0, -1));
    return out;
}
/** `name word "price"` or `name words "net" + "profit"`, for --explain. */
function describeNameEvidence(name, words) {
    const quoted = words.map((w) => `"${w}"`);
    return `${quoted.length === 1 ? 'name word' : 'name words'} ${quoted.join(' + ')}${name.toLowerCase() === words[0] ? '' : ` (${name})`}`;
}
//# sourceMappingURL=words.js.map
;// CONCATENATED MODULE: ./build/src/checks/float/money.js
/**
 * What is money, decided in this order and explained: (1) the type checker (a decimal type,
 * a branded money type, a `Money`-typed declaration), (2) the name split into words, (3) data
 * flow (a value computed from money is money: initialisers, assignments, returns, array
 * callbacks, destructuring). Every answer carries the evidence for `--explain`.
 */



const money_SK = ts_morph.ts.SyntaxKind;
const NEUTRAL = { isMoney: false, minor: false, quantity: false, shape: 'unknown', computed: false, notMoney: false, reason: '' };
const QUANTITY_WORDS = new Set(['qty', 'quantity']);
const money_CONVERTERS = new Set(['toNumber', 'toUnit', 'toJSNumber', 'toFloat']);
const INTEGER_PARSERS = new Set(['parseInt', 'Number.parseInt']);
const money_FLOAT_PARSERS = new Set(['parseFloat', 'Number.parseFloat', 'Number']);
const ELEMENT_METHODS = new Set(['forEach', 'map', 'flatMap', 'filter', 'some', 'every', 'find', 'findLast', 'sort', 'reduce', 'reduceRight']);
const ELEMENT_GETTERS = new Set(['at', 'get', 'find', 'findLast', 'pop', 'shift']);
const MAX_DEPTH = 10;
/** Calls that return a whole count, position or timestamp, never an amount. */
const WHOLE_CALLS = new Set(['Buffer.byteLength', 'Date.now']);
/** Methods that return a whole index, character code or timestamp, whatever the receiver. */
const WHOLE_METHODS = new Set(['indexOf', 'lastIndexOf', 'findIndex', 'findLastIndex', 'charCodeAt', 'codePointAt', 'getTime']);
/** Collections whose `.size` counts entries (an order's `size` is a quantity, so only these). */
const SIZED_COLLECTIONS = new Set(['Map', 'Set', 'ReadonlyMap', 'ReadonlySet', 'WeakMap', 'WeakSet']);
const DECIMAL_DIVIDE = new Set(['div', 'dividedBy', 'divide']);
const DECIMAL_KEEPS = new Set(['times', 'mul', 'multipliedBy', 'multiply', 'round', 'toDecimalPlaces', 'toDP', 'abs', 'neg', 'plus', 'minus', 'add', 'sub']);
/** Answers "is this expression money, and why?" with caches per node and per symbol. */
class MoneyOracle {
    checker;
    names;
    decimals;
    brands;
    exprCache = new Map();
    symbolCache = new Map();
    returnsCache = new Map();
    assignmentIndex = new Map();
    stack = [];
    taintFrom = Number.POSITIVE_INFINITY;
    constructor(options) {
        this.checker = options.checker;
        this.names = new NameClassifier(wordLists(options.config));
        this.decimals = new Map(options.config.decimalTypes.map((d) => [d.name, d.modules]));
        this.brands = new Set(options.config.brandedTypes);
    }
    /** The verdict for an expression. */
    expr(node) {
        const e = (0,shapes/* unwrap */.oA)(node);
        return this.guarded(e, this.exprCache, () => this.compute(e), () => this.neutral(e));
    }
    /**
     * Runs one step of the recursive evaluation with cycle and depth guards. A step that meets
     * itself again (a reduce accumulator, `x = x + 1`) answers "nothing known" for the inner
     * occurrence; results computed inside such a cycle are not cached, since they saw only a
     * partial answer, but the step that closed the cycle is.
     */
    guarded(key, cache, compute, fallback) {
        if (cache.has(key))
            return cache.get(key);
        const at = this.stack.indexOf(key);
        if (at >= 0 || this.stack.length > MAX_DEPTH) {
            this.taintFrom = Math.min(this.taintFrom, at >= 0 ? at + 1 : this.stack.length - 1);
            return fallback();
        }
        this.stack.push(key);
        try {
            const value = compute();
            if (this.stack.length - 1 < this.taintFrom)
                cache.set(key, value);
            return value;
        }
        finally {
            this.stack.pop();
            if (this.stack.length <= this.taintFrom)
                this.taintFrom = Number.POSITIVE_INFINITY;
        }
    }
    /** Only the run-time representation of an expression (a cheap question: no names, no flow). */
    reprAt(node) {
        const e = (0,shapes/* unwrap */.oA)(node);
        const known = this.exprCache.get(e);
        if (known)
            return known.repr;
        return this.repr(this.checker.getTypeAtLocation(e)).repr;
    }
    /** The verdict for a name alone (for declarations: `price: number` in an interface). */
    name(text) {
        const c = this.names.classify(text);
        if (c.kind === 'money')
            return { money: true, veto: false, minor: c.minor, reason: describeNameEvidence(text, c.words) };
        if (c.kind === 'veto')
            return { money: false, veto: true, minor: false, reason: `veto word "${c.word}"` };
        return { money: false, veto: false, minor: false, reason: '' };
    }
    /** The run-time representation of a type, and the decimal type's name when it is one. */
    repr(type) {
        if (type.flags & (ts_morph.ts.TypeFlags.Any | ts_morph.ts.TypeFlags.Unknown))
            return { repr: 'any' };
        const parts = type.isUnion() ? type.types.filter((t) => !(t.flags & (ts_morph.ts.TypeFlags.Null | ts_morph.ts.TypeFlags.Undefined | ts_morph.ts.TypeFlags.Void))) : [type];
        if (parts.length === 0)
            return { repr: 'other' };
        const reprs = parts.map((t) => this.reprOfPart(t));
        const first = reprs[0];
        if (reprs.every((r) => r.repr === first.repr))
            return first;
        return { repr: 'other' };
    }
    reprOfPart(type) {
        const decimal = this.decimalName(type);
        if (decimal)
            return { repr: 'decimal', decimalType: decimal };
        if (type.flags & ts_morph.ts.TypeFlags.NumberLike)
            return { repr: 'number' };
        if (type.flags & ts_morph.ts.TypeFlags.BigIntLike)
            return { repr: 'bigint' };
        if (type.flags & ts_morph.ts.TypeFlags.StringLike)
            return { repr: 'string' };
        if (type.flags & (ts_morph.ts.TypeFlags.Any | ts_morph.ts.TypeFlags.Unknown))
            return { repr: 'any' };
        if (type.isIntersection()) {
            for (const t of type.types) {
                const r = this.reprOfPart(t);
                if (r.repr !== 'other')
                    return r;
            }
        }
        return { repr: 'other' };
    }
    /** A configured decimal type: by symbol name, and by declaring package when it is in node_modules or `declare module`. */
    decimalName(type) {
        const symbol = type.getSymbol() ?? type.aliasSymbol;
        if (!symbol)
            return undefined;
        const modules = this.decimals.get(symbol.getName());
        if (!modules)
            return undefined;
        if (modules.length === 0)
            return symbol.getName();
        const decl = symbol.declarations?.[0];
        if (!decl)
            return symbol.getName();
        const from = declaringModule(decl);
        if (from === undefined)
            return symbol.getName();
        return modules.includes(from) ? symbol.getName() : undefined;
    }
    /** A branded money type (`number & { __brand: 'Cents' }`, `type Money = …` by alias name). */
    brand(type) {
        const alias = type.aliasSymbol?.getName();
        if (alias && this.brands.has(alias))
            return { name: alias, minor: this.isMinorName(alias) };
        const members = type.isIntersection() ? type.types : [];
        if (members.length === 0)
            return undefined;
        if (!members.some((t) => t.flags & (ts_morph.ts.TypeFlags.NumberLike | ts_morph.ts.TypeFlags.BigIntLike | ts_morph.ts.TypeFlags.StringLike)))
            return undefined;
        for (const member of members) {
            if (!(member.flags & ts_morph.ts.TypeFlags.Object))
                continue;
            for (const prop of member.getProperties()) {
                const candidates = [prop.getName().replace(/^_+/, '')];
                const propType = prop.valueDeclaration ? this.checker.getTypeOfSymbolAtLocation(prop, prop.valueDeclaration) : undefined;
                if (propType?.isStringLiteral())
                    candidates.push(propType.value);
                for (const c of candidates) {
                    if (this.brands.has(c) || this.names.classify(c).kind === 'money')
                        return { name: c, minor: this.isMinorName(c) };
                }
            }
        }
        return undefined;
    }
    isMinorName(name) {
        const c = this.names.classify(name);
        return c.kind === 'money' && c.minor;
    }
    neutral(e, repr) {
        return { ...NEUTRAL, repr: repr ?? this.repr(this.checker.getTypeAtLocation(e)).repr, subject: (0,shapes/* shortText */.os)(e, 40) };
    }
    compute(e) {
        const type = this.checker.getTypeAtLocation(e);
        const { repr, decimalType } = this.repr(type);
        const subject = (0,shapes/* shortText */.os)(e, 40);
        const base = { ...NEUTRAL, repr, subject };
        // 1. Types.
        if (repr === 'decimal') {
            const own = ownName(e);
            const veto = own === undefined ? undefined : this.name(own);
            if (veto?.veto)
                return { ...base, notMoney: true, decimalType: decimalType, reason: veto.reason };
            const ratio = this.decimalRatio(e);
            if (ratio)
                return { ...base, notMoney: true, decimalType: decimalType, reason: ratio };
            return { ...base, isMoney: true, decimalType: decimalType, minor: decimalType === 'BN' || decimalType === 'Dinero', reason: `type ${decimalType}` };
        }
        const brand = this.brand(type);
        if (brand)
            return { ...base, isMoney: true, minor: brand.minor, shape: brand.minor ? 'integer' : 'unknown', reason: `branded type ${brand.name}` };
        // 2 and 3. Names, then data flow, by expression kind.
        if (ts_morph.ts.isNumericLiteral(e)) {
            const value = (0,shapes/* numericLiteral */.PY)(e);
            return { ...base, shape: Number.isInteger(value) ? 'integer' : 'fraction' };
        }
        if (ts_morph.ts.isIdentifier(e))
            return this.named(e.text, base, () => this.symbolFlow(e));
        if (ts_morph.ts.isPropertyAccessExpression(e)) {
            if (this.isWholeCount(e))
                return { ...base, notMoney: true, shape: 'integer', reason: `a count (.${e.name.text})` };
            return this.named(e.name.text, base, () => this.symbolFlow(e.name) ?? this.inherited(e.expression, base));
        }
        if (ts_morph.ts.isElementAccessExpression(e)) {
            const key = (0,shapes/* unwrap */.oA)(e.argumentExpression);
            if (ts_morph.ts.isStringLiteral(key) || ts_morph.ts.isNoSubstitutionTemplateLiteral(key))
                return this.named(key.text, base, () => this.inherited(e.expression, base));
            return this.inherited(e.expression, base) ?? base;
        }
        if (ts_morph.ts.isCallExpression(e))
            return this.call(e, base);
        if (ts_morph.ts.isBinaryExpression(e))
            return this.binary(e, base);
        if (ts_morph.ts.isConditionalExpression(e))
            return this.either([this.expr(e.whenTrue), this.expr(e.whenFalse)], base);
        if (ts_morph.ts.isPrefixUnaryExpression(e)) {
            if (e.operator === money_SK.MinusToken)
                return { ...this.expr(e.operand), repr, subject };
            if (e.operator === money_SK.PlusToken)
                return this.conversion(this.expr(e.operand), base, 'unary +');
            if (e.operator === money_SK.TildeToken)
                return { ...base, shape: 'integer' };
            return base;
        }
        if (ts_morph.ts.isPostfixUnaryExpression(e))
            return { ...this.expr(e.operand), repr, subject };
        if (ts_morph.ts.isAwaitExpression(e))
            return { ...this.expr(e.expression), repr, subject };
        return base;
    }
    /** `a.minus(b).div(b).times(100)`: a decimal ratio of two amounts stays a ratio through further scaling. */
    decimalRatio(e) {
        if (!ts_morph.ts.isCallExpression(e))
            return undefined;
        const callee = (0,shapes/* unwrap */.oA)(e.expression);
        if (!ts_morph.ts.isPropertyAccessExpression(callee))
            return undefined;
        const method = callee.name.text;
        const receiver = this.expr(callee.expression);
        if (receiver.repr !== 'decimal')
            return undefined;
        if (DECIMAL_DIVIDE.has(method) && receiver.isMoney && e.arguments[0] && this.expr(e.arguments[0]).isMoney) {
            return `money ÷ money is a ratio (${receiver.subject} ÷ ${(0,shapes/* shortText */.os)(e.arguments[0], 40)})`;
        }
        if (DECIMAL_KEEPS.has(method) && receiver.notMoney)
            return receiver.reason;
        return undefined;
    }
    /** Name evidence first (veto wins), then the given flow. */
    named(text, base, flow) {
        const c = this.names.classify(text);
        if (c.kind === 'veto') {
            const shape = FRACTION_WORDS.has(c.word) ? 'fraction' : COUNT_WORDS.has(c.word) ? 'integer' : 'unknown';
            return { ...base, notMoney: true, shape, reason: `veto word "${c.word}"` };
        }
        if (c.kind === 'money') {
            const quantity = c.words.every((w) => QUANTITY_WORDS.has(w));
            const flowed = c.minor ? undefined : flow();
            // `const total = items.length`: the value itself says count or ratio, whatever the name says.
            if (flowed?.notMoney)
                return { ...base, notMoney: true, shape: flowed.shape, reason: flowed.reason };
            // The name decides; the flow only says whether the value was computed in floats.
            // Minor-unit names are trusted to hold whole units (a float initialiser is reported where it is).
            const computed = flowed?.computed ?? false;
            const whole = c.minor || flowed?.wholeAlways === true;
            return { ...base, isMoney: true, minor: c.minor, quantity, shape: whole ? 'integer' : 'unknown', computed, reason: describeNameEvidence(text, c.words) };
        }
        const flowed = flow();
        if (flowed)
            return { ...flowed, repr: base.repr, subject: base.subject };
        const words = splitWords(text);
        const last = words[words.length - 1];
        if (last !== undefined && COUNT_WORDS.has(last))
            return { ...base, shape: 'integer' };
        if (last !== undefined && FRACTION_WORDS.has(last))
            return { ...base, shape: 'fraction' };
        return base;
    }
    /** `balance.available`, `prices[i]`, `balances.get(id)`: a neutral part of a money-named container. */
    inherited(container, base) {
        if (base.repr !== 'number' && base.repr !== 'any' && base.repr !== 'bigint' && base.repr !== 'string')
            return undefined;
        const name = ownName((0,shapes/* unwrap */.oA)(container));
        if (name === undefined)
            return undefined;
        const c = this.name(name);
        if (!c.money)
            return undefined;
        return { ...base, isMoney: true, minor: c.minor, shape: c.minor ? 'integer' : 'unknown', reason: `part of ${(0,shapes/* shortText */.os)(container, 40)}: ${c.reason}` };
    }
    either(verdicts, base) {
        const money = verdicts.filter((v) => v.isMoney);
        if (money.length === 0) {
            const shape = verdicts.every((v) => v.shape === 'integer') ? 'integer' : verdicts.some((v) => v.shape === 'fraction') ? 'fraction' : 'unknown';
            return { ...base, shape, notMoney: verdicts.some((v) => v.notMoney) };
        }
        const first = money[0];
        return {
            ...base,
            isMoney: true,
            minor: money.every((v) => v.minor),
            quantity: money.every((v) => v.quantity),
            shape: verdicts.every((v) => v.shape === 'integer') ? 'integer' : 'unknown',
            computed: money.some((v) => v.computed),
            reason: first.reason,
            subject: first.subject,
            ...(first.decimalType ? { decimalType: first.decimalType } : {}),
        };
    }
    /** `Number(x)`, `parseFloat(x)`, `+x`, `x.toNumber()`: the value, now a number. */
    conversion(from, base, how) {
        if (!from.isMoney)
            return { ...base, notMoney: from.notMoney, shape: from.shape };
        const reason = from.repr === 'decimal' ? `converted from ${from.decimalType ?? 'a decimal'} ${from.subject} by ${how}; ${from.reason}` : from.reason;
        const computed = from.repr === 'number' ? from.computed : false;
        return { ...base, isMoney: true, minor: from.minor, quantity: from.quantity, shape: from.minor && !computed ? 'integer' : 'unknown', computed, reason, subject: from.subject };
    }
    call(e, base) {
        const text = (0,shapes/* calleeText */.eS)(e);
        const name = (0,shapes/* calleeName */.wt)(e);
        const args = e.arguments;
        if (shapes/* ROUNDING */.fR.has(text) && args[0]) {
            const inner = this.expr(args[0]);
            return { ...inner, repr: base.repr, subject: inner.isMoney ? inner.subject : base.subject, shape: 'integer', computed: false };
        }
        if (WHOLE_CALLS.has(text) || (WHOLE_METHODS.has(name) && text !== name))
            return { ...base, notMoney: true, shape: 'integer', reason: `a count or position (${text}())` };
        if (text === 'Math.abs' || text === 'Math.min' || text === 'Math.max')
            return this.either(args.map((a) => this.expr(a)), base);
        if (text.startsWith('Math.'))
            return base;
        if (INTEGER_PARSERS.has(text) && args[0])
            return { ...this.conversion(this.expr(args[0]), base, `${text}()`), shape: 'integer' };
        if (money_FLOAT_PARSERS.has(text) && args[0])
            return this.conversion(this.expr(args[0]), base, `${text}()`);
        const callee = (0,shapes/* unwrap */.oA)(e.expression);
        if (ts_morph.ts.isPropertyAccessExpression(callee)) {
            const receiver = this.expr(callee.expression);
            if (receiver.repr === 'decimal' && money_CONVERTERS.has(name))
                return this.conversion(receiver, base, `.${name}()`);
            if (receiver.repr === 'decimal' && name === 'getAmount')
                return { ...base, isMoney: receiver.isMoney, minor: true, shape: 'integer', reason: receiver.reason };
            if ((name === 'reduce' || name === 'reduceRight') && args[0] && (ts_morph.ts.isArrowFunction(args[0]) || ts_morph.ts.isFunctionExpression(args[0]))) {
                const returned = this.returns(args[0]);
                if (returned?.isMoney)
                    return { ...returned, repr: base.repr, subject: base.subject };
                // `lines.reduce((n, l) => n + l.length, 0)`: a sum of counts is a count.
                if (returned?.notMoney)
                    return { ...base, notMoney: true, shape: returned.shape, reason: returned.reason };
            }
            if (ELEMENT_GETTERS.has(name)) {
                const inherited = this.inherited(callee.expression, base);
                if (inherited)
                    return inherited;
            }
        }
        const signature = () => this.checker.getResolvedSignature(e)?.getDeclaration();
        const own = this.names.classify(name);
        if (own.kind === 'veto')
            return this.named(name, base, () => undefined);
        if (own.kind === 'money') {
            // `getTotal()`: money by its name; its body (when in the project) says whether it computes in floats.
            return this.named(name, base, () => {
                const d = signature();
                return d && !d.getSourceFile().isDeclarationFile ? this.returns(d) : undefined;
            });
        }
        if (base.repr !== 'number' && base.repr !== 'bigint' && base.repr !== 'any')
            return base;
        const decl = signature();
        if (decl && !decl.getSourceFile().isDeclarationFile) {
            const returned = this.returns(decl);
            if (returned?.isMoney)
                return { ...returned, repr: base.repr, subject: base.subject, reason: `returned by ${name}() (line ${(0,shapes/* lineOf */.cA)(decl)}) ← ${returned.reason}` };
            if (returned?.notMoney)
                return { ...base, notMoney: true, shape: returned.shape };
        }
        const moneyArg = args.map((a) => this.expr(a)).find((v) => v.isMoney && v.repr === 'number');
        if (moneyArg)
            return { ...base, isMoney: true, minor: moneyArg.minor, computed: true, reason: `${name}() of ${moneyArg.subject} ← ${moneyArg.reason}`, subject: base.subject };
        return base;
    }
    binary(e, base) {
        const op = e.operatorToken.kind;
        if (op === money_SK.EqualsToken || op === money_SK.CommaToken)
            return { ...this.expr(e.right), repr: base.repr, subject: base.subject };
        if (op === money_SK.QuestionQuestionToken || op === money_SK.BarBarToken || op === money_SK.AmpersandAmpersandToken)
            return this.either([this.expr(e.left), this.expr(e.right)], base);
        if (op === money_SK.BarToken || op === money_SK.LessThanLessThanToken || op === money_SK.GreaterThanGreaterThanToken)
            return { ...this.expr(e.left), repr: base.repr, subject: base.subject, shape: 'integer', computed: false };
        if (op === money_SK.PlusEqualsToken || op === money_SK.MinusEqualsToken || op === money_SK.AsteriskEqualsToken || op === money_SK.SlashEqualsToken) {
            return this.arithmetic(op === money_SK.PlusEqualsToken ? money_SK.PlusToken : op === money_SK.MinusEqualsToken ? money_SK.MinusToken : op === money_SK.AsteriskEqualsToken ? money_SK.AsteriskToken : money_SK.SlashToken, e, base);
        }
        if (op === money_SK.PlusToken || op === money_SK.MinusToken || op === money_SK.AsteriskToken || op === money_SK.SlashToken || op === money_SK.PercentToken)
            return this.arithmetic(op, e, base);
        return base;
    }
    /**
     * Money through + − × ÷ %: money ÷ money is a ratio; whole values (minor units, rounded amounts)
     * stay whole through + − × by whole numbers, and floats are exact while they are whole.
     */
    arithmetic(op, e, base) {
        if (base.repr === 'string')
            return base;
        const l = this.expr(e.left);
        const r = this.expr(e.right);
        const whole = (v) => (v.isMoney ? v.shape === 'integer' || (v.minor && !v.computed) : v.shape !== 'fraction');
        if (!l.isMoney && !r.isMoney) {
            const shape = l.shape === 'integer' && r.shape === 'integer' && op !== money_SK.SlashToken ? 'integer' : l.shape === 'fraction' || r.shape === 'fraction' || op === money_SK.SlashToken ? 'fraction' : 'unknown';
            return { ...base, shape, notMoney: l.notMoney || r.notMoney };
        }
        const money = l.isMoney ? l : r;
        const other = l.isMoney ? r : l;
        const carry = { reason: money.reason, subject: money.subject };
        if (op === money_SK.PlusToken || op === money_SK.MinusToken) {
            const both = l.isMoney && r.isMoney;
            const minor = both ? l.minor && r.minor : money.minor;
            const integer = whole(l) && whole(r);
            return { ...base, ...carry, isMoney: true, minor, quantity: both ? l.quantity && r.quantity : money.quantity, shape: integer ? 'integer' : 'unknown', computed: !integer };
        }
        if (op === money_SK.AsteriskToken) {
            if (l.isMoney && r.isMoney) {
                const minorSide = l.minor ? l : r.minor ? r : undefined;
                const otherSide = minorSide === l ? r : l;
                if (minorSide && (otherSide.quantity || otherSide.minor))
                    return { ...base, ...carry, isMoney: true, minor: true, shape: whole(minorSide) ? 'integer' : 'unknown', computed: !whole(minorSide) };
                const priced = l.quantity ? r : l;
                const integer = whole(l) && whole(r);
                return { ...base, reason: priced.reason, subject: priced.subject, isMoney: true, minor: false, shape: integer ? 'integer' : 'unknown', computed: !integer };
            }
            if (!money.minor && (0,shapes/* isPowerOfTen */.Sn)(l.isMoney ? e.right : e.left, this.checker)) {
                return { ...base, ...carry, isMoney: true, minor: true, shape: whole(money) ? 'integer' : 'unknown', computed: !whole(money), reason: `${money.reason}, scaled to minor units` };
            }
            const integer = whole(money) && whole(other);
            return { ...base, ...carry, isMoney: true, minor: money.minor, quantity: money.quantity, shape: integer ? 'integer' : 'unknown', computed: !integer };
        }
        if (op === money_SK.SlashToken) {
            if (!l.isMoney)
                return { ...base, notMoney: true, shape: 'fraction' };
            if (l.minor && l.shape === 'integer' && (0,shapes/* isPowerOfTen */.Sn)(e.right, this.checker))
                return { ...base, reason: l.reason, subject: l.subject, isMoney: true, minor: false, shape: 'unknown', computed: true };
            if (r.isMoney && (!r.quantity || l.quantity))
                return { ...base, notMoney: true, shape: 'fraction', reason: `money ÷ money is a ratio (${l.subject} ÷ ${r.subject})` };
            if (isRelativeChange(e))
                return { ...base, notMoney: true, shape: 'fraction', reason: `a relative change (${(0,shapes/* shortText */.os)(e, 40)})` };
            return { ...base, ...carry, isMoney: true, minor: l.minor, shape: 'unknown', computed: true };
        }
        // %
        if (!l.isMoney)
            return { ...base, shape: other.shape };
        const integer = whole(l) && whole(r);
        return { ...base, ...carry, isMoney: true, minor: l.minor, shape: integer ? 'integer' : 'unknown', computed: !integer };
    }
    /** Data flow into a name: what its declarations and assignments hold. */
    symbolFlow(node) {
        let symbol = this.checker.getSymbolAtLocation(node);
        if (!symbol)
            return undefined;
        if (symbol.flags & ts_morph.ts.SymbolFlags.Alias)
            symbol = this.checker.getAliasedSymbol(symbol);
        const resolved = symbol;
        return this.guarded(resolved, this.symbolCache, () => this.computeSymbol(resolved) ?? null, () => null) ?? undefined;
    }
    computeSymbol(symbol) {
        const decls = (symbol.declarations ?? []).slice(0, 3);
        for (const decl of decls) {
            const declared = this.declaredType(decl);
            if (declared)
                return declared;
            let verdict;
            if (ts_morph.ts.isVariableDeclaration(decl)) {
                verdict = this.flowFrom(decl.initializer, decl) ?? this.wholeVariable(symbol, decl) ?? this.iterated(decl) ?? this.assigned(symbol, decl);
            }
            else if (ts_morph.ts.isParameter(decl)) {
                verdict = this.flowFrom(decl.initializer, decl) ?? this.callbackParameter(decl);
            }
            else if (ts_morph.ts.isBindingElement(decl)) {
                verdict = this.bindingElement(decl);
            }
            else if (ts_morph.ts.isPropertyAssignment(decl) || ts_morph.ts.isPropertyDeclaration(decl)) {
                verdict = this.flowFrom(decl.initializer, decl) ?? (ts_morph.ts.isPropertyDeclaration(decl) ? this.assigned(symbol, decl) : undefined);
            }
            else if (ts_morph.ts.isShorthandPropertyAssignment(decl)) {
                const value = this.checker.getShorthandAssignmentValueSymbol(decl);
                if (value?.valueDeclaration && ts_morph.ts.isVariableDeclaration(value.valueDeclaration))
                    verdict = this.flowFrom(value.valueDeclaration.initializer, value.valueDeclaration);
            }
            else if (ts_morph.ts.isGetAccessorDeclaration(decl)) {
                const returned = this.returns(decl);
                if (returned?.isMoney)
                    verdict = { ...returned, reason: `returned by get ${symbol.getName()} (line ${(0,shapes/* lineOf */.cA)(decl)}) ← ${returned.reason}` };
            }
            if (verdict)
                return verdict;
        }
        return undefined;
    }
    /** `price: Money` where `type Money = number`: the alias is gone from the type, but not from the declaration. */
    declaredType(decl) {
        const typeNode = decl.type;
        if (!typeNode || !ts_morph.ts.isTypeReferenceNode(typeNode))
            return undefined;
        const name = ts_morph.ts.isIdentifier(typeNode.typeName) ? typeNode.typeName.text : typeNode.typeName.right.text;
        if (!this.brands.has(name))
            return undefined;
        const minor = this.isMinorName(name);
        return { ...NEUTRAL, repr: 'number', isMoney: true, minor, shape: minor ? 'integer' : 'unknown', reason: `declared as ${name}`, subject: name };
    }
    flowFrom(init, decl) {
        if (!init)
            return undefined;
        const v = this.expr(init);
        if (!v.isMoney && !v.notMoney)
            return undefined;
        if (v.notMoney)
            return { ...v };
        return { ...v, reason: `computed from ${v.subject} (line ${(0,shapes/* lineOf */.cA)(decl)}) ← ${v.reason}` };
    }
    /**
     * `const budget = 4096`, or `let total = 0` only ever given whole values that are not money
     * (`total += Buffer.byteLength(k)`): the variable holds whole numbers whatever its name.
     */
    wholeVariable(symbol, decl) {
        if (!decl.initializer)
            return undefined;
        const init = this.expr(decl.initializer);
        if (init.isMoney || init.notMoney || init.shape !== 'integer')
            return undefined;
        const constant = (ts_morph.ts.getCombinedNodeFlags(decl) & ts_morph.ts.NodeFlags.Const) !== 0;
        if (!constant) {
            for (const a of this.assignmentsTo(symbol, decl)) {
                const op = a.operatorToken.kind;
                if (op !== money_SK.EqualsToken && op !== money_SK.PlusEqualsToken && op !== money_SK.MinusEqualsToken && op !== money_SK.AsteriskEqualsToken)
                    return undefined;
                const v = this.expr(a.right);
                if (v.isMoney || v.shape !== 'integer')
                    return undefined;
            }
        }
        const what = constant ? 'a whole constant' : 'only ever given whole values';
        return { ...init, wholeAlways: true, reason: `${what} (${(0,shapes/* shortText */.os)(decl.initializer, 30)}, line ${(0,shapes/* lineOf */.cA)(decl)})` };
    }
    /** `.length`, `.byteLength`, and `.size` of a Map or Set: whole counts, never money. */
    isWholeCount(e) {
        const name = e.name.text;
        if (name === 'length' || name === 'byteLength')
            return true;
        if (name !== 'size')
            return false;
        const receiver = this.checker.getTypeAtLocation(e.expression).getSymbol()?.getName();
        return receiver !== undefined && SIZED_COLLECTIONS.has(receiver);
    }
    /** `for (const p of prices)`. */
    iterated(decl) {
        const list = decl.parent;
        const loop = list?.parent;
        if (!loop || !ts_morph.ts.isForOfStatement(loop) || loop.initializer !== list)
            return undefined;
        const v = this.expr(loop.expression);
        if (!v.isMoney)
            return undefined;
        return { ...v, computed: false, reason: `element of ${v.subject} (line ${(0,shapes/* lineOf */.cA)(decl)}) ← ${v.reason}` };
    }
    /** The assignments (`=`, `+=`, …) in the declaring file whose target is this symbol. */
    assignmentsTo(symbol, decl) {
        const byName = this.assignmentsIn(decl.getSourceFile()).get(symbol.getName()) ?? [];
        return byName.filter((a) => {
            const target = (0,shapes/* unwrap */.oA)(a.left);
            return this.checker.getSymbolAtLocation(ts_morph.ts.isPropertyAccessExpression(target) ? target.name : target) === symbol;
        });
    }
    /** `let sum = 0; … sum += line.price`: money assigned into a neutral name makes it money. */
    assigned(symbol, decl) {
        for (const a of this.assignmentsTo(symbol, decl)) {
            const v = this.expr(a.right);
            if (!v.isMoney)
                continue;
            const compound = a.operatorToken.kind !== money_SK.EqualsToken;
            return { ...v, computed: v.computed || (compound && v.shape !== 'integer'), reason: `assigned from ${v.subject} (line ${(0,shapes/* lineOf */.cA)(a)}) ← ${v.reason}` };
        }
        return undefined;
    }
    assignmentsIn(file) {
        let index = this.assignmentIndex.get(file);
        if (index)
            return index;
        index = new Map();
        const found = index;
        const visit = (n) => {
            if (ts_morph.ts.isBinaryExpression(n) && n.operatorToken.kind >= money_SK.FirstAssignment && n.operatorToken.kind <= money_SK.LastAssignment) {
                const target = (0,shapes/* unwrap */.oA)(n.left);
                const key = ts_morph.ts.isIdentifier(target) ? target.text : ts_morph.ts.isPropertyAccessExpression(target) ? target.name.text : undefined;
                if (key !== undefined)
                    found.set(key, [...(found.get(key) ?? []), n]);
            }
            ts_morph.ts.forEachChild(n, visit);
        };
        visit(file);
        this.assignmentIndex.set(file, index);
        return index;
    }
    /** `prices.map(p => …)`, `prices.reduce((sum, p) => …, 0)`: callback parameters hold the array's elements. */
    callbackParameter(param) {
        const fn = param.parent;
        if (!ts_morph.ts.isArrowFunction(fn) && !ts_morph.ts.isFunctionExpression(fn))
            return undefined;
        const call = fn.parent;
        if (!call || !ts_morph.ts.isCallExpression(call) || call.arguments[0] !== fn)
            return undefined;
        const callee = (0,shapes/* unwrap */.oA)(call.expression);
        if (!ts_morph.ts.isPropertyAccessExpression(callee) || !ELEMENT_METHODS.has(callee.name.text))
            return undefined;
        const index = fn.parameters.indexOf(param);
        const reduce = callee.name.text === 'reduce' || callee.name.text === 'reduceRight';
        if (reduce && index === 0) {
            const seed = call.arguments[1];
            const fromSeed = seed ? this.expr(seed) : undefined;
            if (fromSeed?.isMoney)
                return { ...fromSeed, reason: `accumulator seeded with ${fromSeed.subject} ← ${fromSeed.reason}` };
            const returned = this.returns(fn);
            if (returned?.isMoney)
                return { ...returned, computed: true, reason: `accumulator of ${(0,shapes/* shortText */.os)(call, 40)} ← ${returned.reason}` };
            return undefined;
        }
        if (index !== (reduce ? 1 : 0) && !(callee.name.text === 'sort' && index === 1))
            return undefined;
        const array = this.expr(callee.expression);
        if (!array.isMoney)
            return undefined;
        return { ...array, computed: false, reason: `element of ${array.subject} (line ${(0,shapes/* lineOf */.cA)(param)}) ← ${array.reason}` };
    }
    /** `const { price: p } = order`, `const [first] = prices`. */
    bindingElement(decl) {
        const pattern = decl.parent;
        if (ts_morph.ts.isObjectBindingPattern(pattern)) {
            const key = decl.propertyName ? (0,shapes/* propertyNameText */.CC)(decl.propertyName) : undefined;
            if (key === undefined)
                return undefined;
            const c = this.name(key);
            if (c.money)
                return { ...NEUTRAL, repr: 'number', isMoney: true, minor: c.minor, shape: c.minor ? 'integer' : 'unknown', reason: `destructured from ${key}: ${c.reason}`, subject: key };
            if (c.veto)
                return { ...NEUTRAL, repr: 'number', notMoney: true, reason: c.reason, subject: key };
            return undefined;
        }
        const holder = pattern.parent;
        if (ts_morph.ts.isVariableDeclaration(holder) && holder.initializer) {
            const v = this.expr(holder.initializer);
            if (v.isMoney)
                return { ...v, reason: `element of ${v.subject} ← ${v.reason}` };
        }
        return undefined;
    }
    /** What a function returns: the money verdict of any returned expression (first money one wins). */
    returns(fn) {
        return (this.guarded(fn, this.returnsCache, () => {
            const verdicts = returnedExpressions(fn).map((r) => this.expr(r));
            const money = verdicts.find((v) => v.isMoney);
            const picked = money ?? (verdicts.length > 0 && verdicts.every((v) => v.notMoney) ? verdicts[0] : undefined);
            // Every return whole (`return 0` … `return total` of counts): so is the function's result.
            const whole = verdicts.length > 0 && verdicts.every((v) => v.shape === 'integer' && !v.computed);
            if (whole)
                return { ...(picked ?? verdicts[0]), shape: 'integer', wholeAlways: true };
            return picked ?? null;
        }, () => null) ?? undefined);
    }
}
/** `(a - b) / b`, `(price - prev) / prev`: the divisor is a term of the dividend, so the result is a ratio. */
function isRelativeChange(e) {
    const divisor = (0,shapes/* unwrap */.oA)(e.right).getText();
    let found = false;
    const visit = (n) => {
        if (found)
            return;
        if (ts_morph.ts.isBinaryExpression(n) && (n.operatorToken.kind === money_SK.MinusToken || n.operatorToken.kind === money_SK.PlusToken)) {
            if ((0,shapes/* unwrap */.oA)(n.left).getText() === divisor || (0,shapes/* unwrap */.oA)(n.right).getText() === divisor)
                found = true;
        }
        if (ts_morph.ts.isParenthesizedExpression(n) || ts_morph.ts.isBinaryExpression(n))
            ts_morph.ts.forEachChild(n, visit);
    };
    visit((0,shapes/* unwrap */.oA)(e.left));
    return found;
}
/** The name an expression goes by: `price`, `order.price` → price, `row['amount']`, `getTotal()` → getTotal. */
function ownName(e) {
    if (ts_morph.ts.isIdentifier(e))
        return e.text;
    if (ts_morph.ts.isPropertyAccessExpression(e))
        return e.name.text;
    if (ts_morph.ts.isElementAccessExpression(e)) {
        const key = (0,shapes/* unwrap */.oA)(e.argumentExpression);
        if (ts_morph.ts.isStringLiteral(key))
            return key.text;
        return ownName((0,shapes/* unwrap */.oA)(e.expression));
    }
    if (ts_morph.ts.isCallExpression(e))
        return (0,shapes/* calleeName */.wt)(e) || undefined;
    if (ts_morph.ts.isNewExpression(e))
        return (0,shapes/* dottedName */._P)(e.expression) || undefined;
    return undefined;
}
function returnedExpressions(fn) {
    if (ts_morph.ts.isArrowFunction(fn) && !ts_morph.ts.isBlock(fn.body))
        return [fn.body];
    const body = fn.body;
    if (!body)
        return [];
    const out = [];
    const visit = (n) => {
        if (ts_morph.ts.isReturnStatement(n)) {
            if (n.expression)
                out.push(n.expression);
            return;
        }
        if (ts_morph.ts.isFunctionLike(n) || ts_morph.ts.isClassLike(n))
            return;
        ts_morph.ts.forEachChild(n, visit);
    };
    ts_morph.ts.forEachChild(body, visit);
    return out;
}
/** The package (`big.js`, `@scope/pkg`) or `declare module 'x'` name a declaration comes from, if any. */
function declaringModule(decl) {
    for (let n = decl; n; n = n.parent) {
        if (ts_morph.ts.isModuleDeclaration(n) && ts_morph.ts.isStringLiteral(n.name))
            return n.name.text;
    }
    const file = decl.getSourceFile().fileName.replace(/\\/g, '/');
    const at = file.lastIndexOf('/node_modules/');
    if (at < 0)
        return undefined;
    const rest = file.slice(at + '/node_modules/'.length).split('/');
    let pkg = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
    if (pkg.startsWith('@types/')) {
        const inner = pkg.slice('@types/'.length);
        pkg = inner.includes('__') ? `@${inner.replace('__', '/')}` : inner;
    }
    return pkg;
}
//# sourceMappingURL=money.js.map
;// CONCATENATED MODULE: ./build/src/checks/float/analyze.js





/** Runs the float rules over the target files of one program, with one checker and one money oracle. */
async function analyze(options) {
    const checker = options.program.getTypeChecker();
    const money = new MoneyOracle({ config: options.config, checker });
    const arithmetic = new ArithmeticClassifier(money, checker);
    const findings = [];
    for (const target of options.targets) {
        if (options.signal?.aborted)
            break;
        const rules = options.rules.filter((r) => options.ruleEnabled?.(r, target.path) ?? !r.optIn);
        if (rules.length === 0)
            continue;
        const nodes = indexFile(target.sourceFile);
        for (const rule of rules) {
            await rule.create({
                sourceFile: target.sourceFile,
                checker,
                money,
                nodes,
                arithmetic,
                options: options.config,
                report: (r) => findings.push(toFinding(rule, target, r, options.explain)),
            });
        }
    }
    return findings;
}
function toFinding(rule, target, r, explain) {
    const sf = target.sourceFile;
    const start = sf.getLineAndCharacterOfPosition(r.node.getStart(sf));
    const end = sf.getLineAndCharacterOfPosition(r.node.getEnd());
    const why = explain && r.evidence?.reason ? `\nwhy money: ${r.evidence.reason}` : '';
    return {
        checkId: 'float',
        ruleId: rule.meta.id,
        severity: rule.meta.severity,
        message: `${r.message}${why}`,
        location: { path: target.path, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
        fix: { description: rule.meta.fixHint },
        help: (0,rules_rule/* ruleDocPath */._)(rule.meta.id),
        snippet: (0,shapes/* shortText */.os)(r.node, 120),
    };
}
//# sourceMappingURL=analyze.js.map

/***/ }),

/***/ 1494:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   floatCheck: () => (/* binding */ floatCheck),
/* harmony export */   ruleSwitch: () => (/* binding */ ruleSwitch)
/* harmony export */ });
/* harmony import */ var _findings_rule_settings_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4636);
/* harmony import */ var _runner_glob_matcher_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(171);
/* harmony import */ var _rules_float_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7265);
/* harmony import */ var _analyze_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4653);
/* harmony import */ var _program_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6342);





/**
 * Whether a rule runs at a path. A rule set to "off" there is skipped (saving the work); an
 * opt-in rule runs only where `rules` or an `overrides` entry names it with a severity.
 */
function ruleSwitch(config) {
    const settings = new _findings_rule_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .RuleSettings */ .K(config);
    const overrides = config.overrides.map((o) => ({ match: (0,_runner_glob_matcher_js__WEBPACK_IMPORTED_MODULE_1__/* .globMatcher */ .f)(o.files), rules: o.rules }));
    return (rule, path) => {
        if (settings.resolve(rule.meta.id, path, rule.meta.severity) === 'off')
            return false;
        if (!rule.optIn)
            return true;
        let explicit = config.rules[rule.meta.id];
        for (const o of overrides)
            if (o.match(path))
                explicit = o.rules[rule.meta.id] ?? explicit;
        return explicit !== undefined && explicit !== 'off';
    };
}
async function run(context) {
    const options = context.config.checks.float;
    const started = performance.now();
    const loaded = await (0,_program_js__WEBPACK_IMPORTED_MODULE_4__/* .loadProgram */ .L0)({ root: context.repo.root, mode: context.mode, files: context.files, tsconfig: options.project, signal: context.signal });
    if (!loaded.program || loaded.targets.length === 0)
        return { findings: [], notes: [...loaded.notes, 'no TypeScript files in scope'] };
    const setupMs = Math.round(performance.now() - started);
    context.progress(`analysing ${loaded.targets.length} file(s)`);
    const findings = await (0,_analyze_js__WEBPACK_IMPORTED_MODULE_3__/* .analyze */ .n)({
        program: loaded.program,
        targets: loaded.targets,
        rules: _rules_float_index_js__WEBPACK_IMPORTED_MODULE_2__/* .FLOAT_RULES */ .n,
        config: options,
        explain: context.request.explain ?? false,
        ruleEnabled: ruleSwitch(context.config),
        signal: context.signal,
    });
    const totalMs = Math.round(performance.now() - started);
    return {
        findings,
        notes: [...loaded.notes, `${loaded.targets.length} file(s) analysed in a program of ${loaded.programFiles}; program ${setupMs} ms, rules ${totalMs - setupMs} ms`],
    };
}
const floatCheck = {
    id: 'float',
    title: 'Float-in-finance: money held in JavaScript floats, found with the type checker',
    accepts: ['explain'],
    run,
};
//# sourceMappingURL=check.js.map

/***/ }),

/***/ 6342:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L0: () => (/* binding */ loadProgram),
/* harmony export */   T4: () => (/* binding */ DEFAULT_COMPILER_OPTIONS)
/* harmony export */ });
/* unused harmony exports isAnalysable, importsNodeBuiltin */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8995);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var ts_morph__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8721);
/* harmony import */ var _errors_user_error_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1397);
/**
 * The TypeScript program the float rules ask: the project from its tsconfig, with the files in
 * scope placed into it with the content the check was given (index bytes in quick mode), so
 * that a staged file is analysed as it will be committed while its imports resolve against
 * the rest of the project.
 *   - full mode ('all'): every file of the tsconfig; the files in scope are analysed.
 *   - quick and paths modes: only the files in scope, their imports (resolved transitively)
 *     and the tsconfig's ambient `.d.ts` files, which is what keeps quick mode fast.
 *   - no tsconfig: the TypeScript files in scope with default compiler options (a note says so).
 */





const TS_FILE = /\.(?:[cm]?tsx?)$/i;
const DECLARATION = /\.d\.[cm]?tsx?$/i;
/** Where content from standard input is placed in the program. */
const STDIN_PATH = '(stdin)';
const STDIN_FILE = '__tollgate_stdin__.ts';
const DEFAULT_COMPILER_OPTIONS = {
    target: ts_morph__WEBPACK_IMPORTED_MODULE_3__.ts.ScriptTarget.ES2022,
    module: ts_morph__WEBPACK_IMPORTED_MODULE_3__.ts.ModuleKind.ESNext,
    moduleResolution: ts_morph__WEBPACK_IMPORTED_MODULE_3__.ts.ModuleResolutionKind.Bundler,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    allowImportingTsExtensions: true,
};
function isAnalysable(relPath) {
    return relPath === STDIN_PATH || (TS_FILE.test(relPath) && !DECLARATION.test(relPath) && !relPath.split('/').includes('node_modules'));
}
async function loadProgram(input) {
    const { root } = input;
    const candidates = input.files.filter((f) => f.mode !== '120000' && isAnalysable(f.path));
    const declarations = input.files.filter((f) => f.mode !== '120000' && DECLARATION.test(f.path) && !f.path.split('/').includes('node_modules'));
    if (candidates.length === 0)
        return { program: undefined, targets: [], notes: [], programFiles: 0 };
    const notes = [];
    const tsconfigPath = node_path__WEBPACK_IMPORTED_MODULE_2__.join(root, input.tsconfig);
    const hasConfig = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(tsconfigPath);
    const full = input.mode === 'all';
    let project;
    // Ambient `types` packages (@types/node is most of a small program's parse time) are left out
    // in quick mode unless a staged file imports a Node built-in: money types come from the project.
    const texts = new Map();
    if (!full) {
        for (const file of candidates) {
            const content = await file.read();
            if (content !== undefined)
                texts.set(file.path, content.toString('utf8'));
        }
    }
    const lean = input.mode === 'quick' && ![...texts.values()].some(importsNodeBuiltin);
    if (hasConfig) {
        const cached = input.mode === 'quick' ? warmQuickProject(tsconfigPath, lean) : undefined;
        if (cached) {
            project = cached;
        }
        else {
            try {
                project = new ts_morph__WEBPACK_IMPORTED_MODULE_3__/* .Project */ .MMY({
                    tsConfigFilePath: tsconfigPath,
                    skipAddingFilesFromTsConfig: !full,
                    skipFileDependencyResolution: !full,
                    ...(lean ? { compilerOptions: { types: [] } } : {}),
                });
            }
            catch (error) {
                const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
                throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .y(`${input.tsconfig}: cannot load the TypeScript project for the float check (${why}). Fix it, or set checks.float.project to the tsconfig to use.`);
            }
            if (!full) {
                for (const ambient of ambientFilesOf(tsconfigPath))
                    project.addSourceFileAtPathIfExists(ambient);
            }
            if (input.mode === 'quick')
                keepQuickProject(tsconfigPath, lean, project);
        }
    }
    else {
        project = new ts_morph__WEBPACK_IMPORTED_MODULE_3__/* .Project */ .MMY({ compilerOptions: DEFAULT_COMPILER_OPTIONS });
        notes.push(`no ${input.tsconfig}: analysed the TypeScript files in scope with default compiler options, so types from files outside the scope may be missing`);
        for (const d of declarations) {
            const content = await d.read();
            if (content !== undefined)
                project.createSourceFile(node_path__WEBPACK_IMPORTED_MODULE_2__.join(root, d.path), content.toString('utf8'), { overwrite: true });
        }
    }
    const wanted = [];
    let outside = 0;
    for (const file of candidates) {
        if (input.signal?.aborted)
            break;
        const abs = file.path === STDIN_PATH ? node_path__WEBPACK_IMPORTED_MODULE_2__.join(root, STDIN_FILE) : node_path__WEBPACK_IMPORTED_MODULE_2__.join(root, file.path);
        const existing = project.getSourceFile(abs);
        if (full && existing && file.path !== STDIN_PATH) {
            wanted.push({ path: file.path, abs }); // full mode reads the working tree, which the project already holds
            continue;
        }
        const text = texts.get(file.path) ?? (await file.read())?.toString('utf8');
        if (text === undefined)
            continue;
        if (!existing || existing.getFullText() !== text)
            project.createSourceFile(abs, text, { overwrite: true });
        if (!existing && full)
            outside++;
        wanted.push({ path: file.path, abs });
    }
    if (!full || !hasConfig)
        project.resolveSourceFileDependencies();
    const program = project.getProgram().compilerObject;
    const targets = [];
    for (const w of wanted) {
        const sourceFile = program.getSourceFile(w.abs);
        if (sourceFile)
            targets.push({ sourceFile, path: w.path });
    }
    if (hasConfig && full && outside > 0) {
        notes.push(`${outside} TypeScript file(s) in scope are not in ${input.tsconfig} and were analysed with its options`);
    }
    if (lean && hasConfig)
        notes.push('quick mode: ambient type packages (tsconfig "types") left out, no staged file imports a Node built-in');
    return { program, targets, notes, programFiles: program.getSourceFiles().length };
}
/**
 * Quick-mode projects kept between runs in one process (the validate-quick daemon serves commit
 * after commit): TypeScript then reuses every unchanged source file, lib files included, instead
 * of parsing them again. Keyed by the tsconfig as it is on disk and the lean setting.
 */
const QUICK_PROJECTS = new Map();
const QUICK_PROJECT_CAP = 2;
function quickKey(tsconfigPath, lean) {
    try {
        const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(tsconfigPath);
        return `${tsconfigPath}\0${stat.mtimeMs}\0${stat.size}\0${lean}`;
    }
    catch {
        return undefined;
    }
}
function keepQuickProject(tsconfigPath, lean, project) {
    const key = quickKey(tsconfigPath, lean);
    if (!key)
        return;
    for (const old of [...QUICK_PROJECTS.keys()].filter((k) => k.startsWith(`${tsconfigPath}\0`)))
        QUICK_PROJECTS.delete(old);
    if (QUICK_PROJECTS.size >= QUICK_PROJECT_CAP)
        QUICK_PROJECTS.delete(QUICK_PROJECTS.keys().next().value);
    QUICK_PROJECTS.set(key, project);
}
/**
 * A kept project, brought back in line with the working tree: every file it holds is re-read
 * from disk (a file staged last time, or edited since, gets today's content; a deleted one
 * leaves). The caller then puts this run's staged content in.
 */
function warmQuickProject(tsconfigPath, lean) {
    const key = quickKey(tsconfigPath, lean);
    const project = key ? QUICK_PROJECTS.get(key) : undefined;
    if (!project)
        return undefined;
    for (const file of project.getSourceFiles()) {
        if (file.isInNodeModules() || file.isFromExternalLibrary())
            continue;
        file.refreshFromFileSystemSync();
    }
    return project;
}
const BUILTINS = new Set(node_module__WEBPACK_IMPORTED_MODULE_1__.builtinModules);
/** `import … from 'node:fs'`, `require('fs')`: the file needs the Node type declarations. */
function importsNodeBuiltin(text) {
    if (/\bfrom\s+['"]node:|\bimport\s*\(\s*['"]node:|\brequire\s*\(\s*['"]node:|\bimport\s+['"]node:/.test(text))
        return true;
    for (const m of text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g)) {
        if (BUILTINS.has(m[1]))
            return true;
    }
    return /\b(?:process|Buffer|__dirname|NodeJS)\b/.test(text);
}
/** The `.d.ts` files a tsconfig includes (global types a staged file may use without importing them). */
function ambientFilesOf(tsconfigPath) {
    const read = ts_morph__WEBPACK_IMPORTED_MODULE_3__.ts.readConfigFile(tsconfigPath, (p) => ts_morph__WEBPACK_IMPORTED_MODULE_3__.ts.sys.readFile(p));
    if (read.error)
        return [];
    const parsed = ts_morph__WEBPACK_IMPORTED_MODULE_3__.ts.parseJsonConfigFileContent(read.config, ts_morph__WEBPACK_IMPORTED_MODULE_3__.ts.sys, node_path__WEBPACK_IMPORTED_MODULE_2__.dirname(tsconfigPath), undefined, tsconfigPath);
    return parsed.fileNames.filter((f) => DECLARATION.test(f));
}
//# sourceMappingURL=program.js.map

/***/ })

};
