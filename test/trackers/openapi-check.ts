import { Ajv, type ValidateFunction } from 'ajv';

/** An OpenAPI 3.0 document, as far as the check reads it. */
export interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components?: Record<string, Record<string, unknown>>;
}
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Record<string, unknown>;
  $ref?: string;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: unknown }> };
}

export interface CheckedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

/** A JSON pointer from its segments, each escaped (a path template holds slashes). */
const pointer = (...segments: string[]) =>
  segments.map((s) => `/${encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'))}`).join('');

/** OpenAPI 3.0's `nullable` in JSON Schema terms: null is one more type the value may have. */
function withNulls(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withNulls);
  if (!node || typeof node !== 'object') return node;
  const { nullable, ...rest } = node as Record<string, unknown>;
  const out = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, withNulls(v)]));
  if (nullable !== true) return out;
  if (typeof out.type === 'string')
    return {
      ...out,
      type: [out.type, 'null'],
      ...(out.enum ? { enum: [...(out.enum as unknown[]), null] } : {}),
    };
  return { anyOf: [out, { type: 'null' }] };
}

/**
 * Checks requests against a published OpenAPI description: the route and method exist, every
 * query parameter is declared and valid, required ones are present, and the JSON body matches
 * the operation's schema. Returns what is wrong, empty when the request is as the API describes.
 */
export function openApiChecker(spec: OpenApi, id: string) {
  // OpenAPI 3.0 schemas carry `nullable`, `example` and vendor keys; Ajv reads the first, skips the rest.
  const ajv = new Ajv({
    strict: false,
    validateFormats: false,
    allErrors: true,
    validateSchema: false,
    coerceTypes: false,
  });
  ajv.addSchema(withNulls({ paths: spec.paths, components: spec.components }) as object, id);
  const compiled = new Map<string, ValidateFunction>();
  const validator = (ref: string) => {
    let v = compiled.get(ref);
    if (!v) {
      v = ajv.compile({ $ref: `${id}#${ref}` });
      compiled.set(ref, v);
    }
    return v;
  };
  const resolve = (p: Parameter): Parameter => {
    if (!p.$ref) return p;
    const [, group, name] = /^#\/components\/(\w+)\/(.+)$/.exec(p.$ref) ?? [];
    return spec.components?.[group!]?.[name!] as Parameter;
  };
  const routes = Object.keys(spec.paths).map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/\{[^}]{1,50}\}/g, '[^/]+')}$`),
  }));

  return (request: CheckedRequest): string[] => {
    const method = request.method.toLowerCase();
    const route = routes.find((r) => r.pattern.test(request.path) && spec.paths[r.template]![method]);
    if (!route) return [`${request.method} ${request.path} is not in the API description`];
    const where = `${request.method} ${route.template}`;
    const op = spec.paths[route.template]![method]!;
    const problems: string[] = [];
    const params = (op.parameters ?? []).map(resolve);
    for (const name of new Set(request.query.keys())) {
      const p = params.find((x) => x.in === 'query' && x.name === name);
      if (!p) {
        problems.push(`${where}: query parameter ${name} is not described`);
        continue;
      }
      const raw = request.query.get(name)!;
      const type = p.schema?.type;
      const value =
        type === 'integer' || type === 'number' ? Number(raw) : type === 'boolean' ? raw === 'true' : raw;
      const check = ajv.compile(p.schema ?? {});
      if (!check(value)) problems.push(`${where}: query ${name}=${raw}: ${ajv.errorsText(check.errors)}`);
    }
    for (const p of params)
      if (p.in === 'query' && p.required && !request.query.has(p.name))
        problems.push(`${where}: required query parameter ${p.name} is missing`);
    const body = op.requestBody;
    if (request.body !== undefined) {
      const ref = pointer(
        'paths',
        route.template,
        method,
        'requestBody',
        'content',
        'application/json',
        'schema',
      );
      if (!body?.content?.['application/json']) problems.push(`${where} takes no JSON body`);
      else {
        const check = validator(ref);
        if (!check(request.body)) problems.push(`${where}: body: ${ajv.errorsText(check.errors)}`);
      }
    } else if (body?.required) problems.push(`${where}: a body is required`);
    return problems;
  };
}
