/*
 * Secret shapes, as data.
 *
 * Provenance: the token shapes and rule ids come from gitleaks' default rule set,
 * https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml (read at commit
 * 009e025ad4106ab333aa0b9dc4f2a884390d134c). Each rule lists the gitleaks ids it covers in
 * `gitleaks`; rules with an empty list are our own (shapes gitleaks has no rule for). The patterns
 * are rewritten for JavaScript and for linear time: every quantifier before something that can
 * fail is bounded, and the keywords let a rule be skipped without running its pattern, as gitleaks
 * does. The gitleaks rule set is under this licence:
 *
 *   MIT License
 *
 *   Copyright (c) 2019 Zachary Rice
 *
 *   Permission is hereby granted, free of charge, to any person obtaining a copy of this software
 *   and associated documentation files (the "Software"), to deal in the Software without
 *   restriction, including without limitation the rights to use, copy, modify, merge, publish,
 *   distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
 *   Software is furnished to do so, subject to the following conditions:
 *
 *   The above copyright notice and this permission notice shall be included in all copies or
 *   substantial portions of the Software.
 *
 *   THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING
 *   BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
 *   NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
 *   DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
 *   OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
 */

/** One secret shape: what finds it, and which part of the match is the secret. */
export interface SecretRule {
  /** Our name for the shape; a gitleaks id when it covers exactly one. */
  id: string;
  /** The gitleaks rule ids this shape ports (empty for our own). */
  gitleaks: string[];
  /** Lower-case words one of which the text must contain for the pattern to run. */
  keywords: string[];
  /**
   * Global pattern. With groups `pre`/`post`, only the text between them is replaced, so the
   * key or scheme stays readable ("password=[REDACTED]").
   */
  pattern: RegExp;
  /** Replaces the secret; `[REDACTED]` unless set. */
  label?: string;
  /** Keeps a match that is not a secret after all (a placeholder, an ordinary word). */
  keep?: (secret: string, groups: Record<string, string | undefined>) => boolean;
}

/** Where a token ends: no further token character follows. */
const END = '(?![A-Za-z0-9_-])';

/** A value already masked or a template, never a secret itself. */
export const isPlaceholder = (value: string) =>
  /^(?:[[<*$%{]|\\?\$|x{3,}$|(?:null|none|true|false|undefined|redacted|changeme|example)$)/i.test(value);

/** Shannon entropy in bits per character; ordinary words stay low. */
export function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const c of value) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / value.length) * Math.log2(n / value.length);
  return bits;
}

/**
 * Looks like a credential rather than a word: a digit or symbol inside it (sentence punctuation at
 * its end does not count), inner capitals, or long and random.
 */
export function looksSecret(value: string): boolean {
  const word = value.replace(/[.,;:!?)\]]+$/, '');
  return (
    /[0-9~+/=_.!@#%^&*-]/.test(word) ||
    /[A-Z]/.test(word.slice(1)) ||
    (word.length >= 16 && entropy(word) >= 3.5)
  );
}

/**
 * A name of lower-case words joined by hyphens, such as a Kubernetes object's ("ml-k8s-admin" in
 * `kubectl create token ml-k8s-admin`): what the word "token" before it is minted for, not a token.
 * Each part opens with a letter and one letter lies outside hex, so a UUID or hex run is no name.
 */
export function readsAsName(value: string): boolean {
  return /^[a-z][a-z0-9]{0,40}(?:-[a-z][a-z0-9]{0,40}){1,10}$/.test(value) && /[g-z]/.test(value);
}

/**
 * A shell parameter expansion's operator and word (`${SA_TOKEN:+--kube-token="$SA_TOKEN"}`):
 * `:+` and `:?` give the word used when the variable is set and the error shown when it is not,
 * never its value; `:-` and `:=` give a default, which is a value (`${DB_PASSWORD:-hunter2}`).
 * Returns the default to judge, or null when the word holds no value of the variable.
 */
function expansionDefault(operatorAndWord: string): string | null {
  const word = operatorAndWord.replace(/^:/, '');
  return /^[-=]/.test(word) ? word.slice(1) : null;
}

/** A whole value written as a shell expansion (`"${DB_PASSWORD:-hunter2}"`): its operator and word. */
const EXPANSION_VALUE = /^\$\{\w{1,60}(?<word>:?[-=+?][^\n]{0,500})\}$/;

/** A default too short or itself a reference is no secret; an empty one gives nothing. */
const defaultIsHarmless = (value: string | null) =>
  value === null || !value || isPlaceholder(value) || value.length < 4;

/**
 * Key words of a generic assignment (gitleaks generic-api-key keeps `key`, `access` and `auth`
 * alone too and leans on entropy; alone those name too many ordinary things in incident text).
 */
const GENERIC_KEY =
  '(?:passw(?:or)?d|passphrase|pwd|secret|token|api[_.-]?key|apikey|access[_.-]?key|private[_.-]?key|credentials?|creds|auth[_.-]?key|session[_.-]?key|signing[_.-]?key)';

/** A key that names something about a secret rather than the secret: token_expiry, secret_name. */
const ABOUT_A_SECRET =
  /(?:^|[_.-])(?:id|name|type|url|uri|endpoint|file|path|count|length|len|size|expiry|expires|expiration|ttl|age|version)$/i;

export const secretRules: SecretRule[] = [
  {
    id: 'aws-access-token',
    gitleaks: ['aws-access-token'],
    keywords: ['a3t', 'akia', 'asia', 'abia', 'acca'],
    pattern: /\b(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\b/g,
  },
  {
    id: 'github-token',
    gitleaks: ['github-pat', 'github-oauth', 'github-app-token', 'github-refresh-token'],
    keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
    pattern: new RegExp(String.raw`\bgh[pousr]_[0-9a-zA-Z]{30,255}${END}`, 'g'),
  },
  {
    id: 'github-fine-grained-pat',
    gitleaks: ['github-fine-grained-pat'],
    keywords: ['github_pat_'],
    pattern: /\bgithub_pat_\w{20,255}/g,
  },
  {
    id: 'gitlab-token',
    gitleaks: [
      'gitlab-pat',
      'gitlab-pat-routable',
      'gitlab-deploy-token',
      'gitlab-runner-authentication-token',
      'gitlab-cicd-job-token',
      'gitlab-feed-token',
      'gitlab-scim-token',
      'gitlab-oauth-app-secret',
    ],
    keywords: ['glpat-', 'gldt-', 'glrt-', 'glcbt-', 'glft-', 'glsoat-', 'gloas-'],
    pattern: /\bgl(?:pat|dt|rt|cbt|ft|soat|oas)-[\w.-]{20,300}/g,
  },
  {
    id: 'gitlab-ptt',
    gitleaks: ['gitlab-ptt', 'gitlab-rrt'],
    keywords: ['glptt-', 'gr1348941'],
    pattern: /\b(?:glptt-[0-9a-f]{40}|GR1348941[\w-]{20,100})/g,
  },
  {
    id: 'slack-webhook-url',
    gitleaks: ['slack-webhook-url'],
    keywords: ['hooks.slack.com'],
    pattern: /(?<pre>hooks\.slack\.com\/(?:services|workflows|triggers)\/)[A-Za-z0-9+/_-]{20,200}/g,
  },
  {
    id: 'slack-token',
    gitleaks: [
      'slack-bot-token',
      'slack-user-token',
      'slack-app-token',
      'slack-legacy-bot-token',
      'slack-legacy-token',
      'slack-legacy-workspace-token',
      'slack-config-access-token',
      'slack-config-refresh-token',
    ],
    keywords: ['xox', 'xapp-'],
    pattern: /\b(?:xox[abposre](?:\.xox[bp])?|xapp)-[A-Za-z0-9-]{10,300}/g,
  },
  {
    id: 'microsoft-teams-webhook',
    gitleaks: ['microsoft-teams-webhook'],
    keywords: ['webhook.office.com'],
    pattern: /(?<pre>\.webhook\.office\.com\/)webhookb2\/[A-Za-z0-9@/-]{20,300}/g,
  },
  {
    id: 'discord-webhook',
    gitleaks: [],
    keywords: ['discord'],
    pattern: /(?<pre>discord(?:app)?\.com\/api\/webhooks\/)\d{5,30}\/[\w-]{20,200}/g,
  },
  {
    id: 'stripe-access-token',
    gitleaks: ['stripe-access-token'],
    keywords: ['_live_', '_test_', '_prod_'],
    pattern: new RegExp(String.raw`\b[spr]k_(?:live|test|prod)_[a-zA-Z0-9]{8,255}${END}`, 'g'),
  },
  {
    id: 'npm-access-token',
    gitleaks: ['npm-access-token'],
    keywords: ['npm_'],
    pattern: new RegExp(String.raw`\bnpm_[A-Za-z0-9]{36}${END}`, 'g'),
  },
  {
    id: 'pypi-upload-token',
    gitleaks: ['pypi-upload-token'],
    keywords: ['pypi-ageichlwas5vcmc'],
    pattern: /\bpypi-AgEIcHlwaS5vcmc[\w-]{50,1000}/g,
  },
  {
    id: 'twilio-api-key',
    gitleaks: ['twilio-api-key'],
    keywords: ['sk'],
    pattern: /\bSK[0-9a-fA-F]{32}\b/g,
  },
  {
    id: 'twilio-account-sid',
    gitleaks: [],
    keywords: ['ac'],
    pattern: /\bAC[0-9a-fA-F]{32}\b/g,
  },
  {
    id: 'sendgrid-api-token',
    gitleaks: ['sendgrid-api-token'],
    keywords: ['sg.'],
    pattern: /\bSG\.[\w-]{16,32}\.[\w-]{30,60}/g,
  },
  {
    id: 'mailgun-private-api-token',
    gitleaks: ['mailgun-private-api-token'],
    keywords: ['key-'],
    pattern: /\bkey-[0-9a-f]{32}\b/g,
  },
  {
    id: 'gcp-api-key',
    gitleaks: ['gcp-api-key'],
    keywords: ['aiza'],
    pattern: /\bAIza[\w-]{35}(?![\w-])/g,
  },
  {
    id: 'gcp-service-account-private-key-id',
    gitleaks: [],
    keywords: ['private_key_id'],
    pattern: /(?<pre>\\?["']?private_key_id\\?["']?[ \t]{0,3}[:=][ \t]{0,3}\\?["']?)[0-9a-fA-F]{40}\b/g,
  },
  {
    id: 'openai-api-key',
    gitleaks: ['openai-api-key'],
    keywords: ['t3blbkfj'],
    pattern: /\bsk-(?:(?:proj|svcacct|admin)-)?[\w-]{20,74}T3BlbkFJ[\w-]{20,74}/g,
  },
  {
    id: 'anthropic-api-key',
    gitleaks: ['anthropic-api-key', 'anthropic-admin-api-key'],
    keywords: ['sk-ant-'],
    pattern: /\bsk-ant-(?:api|admin)\d\d-[\w-]{80,120}/g,
  },
  {
    id: 'digitalocean-token',
    gitleaks: ['digitalocean-pat', 'digitalocean-access-token', 'digitalocean-refresh-token'],
    keywords: ['_v1_'],
    pattern: /\bdo[opr]_v1_[a-f0-9]{64}\b/g,
  },
  {
    id: 'databricks-api-token',
    gitleaks: ['databricks-api-token'],
    keywords: ['dapi'],
    pattern: /\bdapi[a-f0-9]{32}(?:-\d)?\b/g,
  },
  {
    id: 'vault-token',
    gitleaks: ['vault-service-token', 'vault-batch-token'],
    keywords: ['hvs.', 'hvb.'],
    pattern: /\bhv[sb]\.[\w-]{90,300}/g,
  },
  {
    id: 'grafana-token',
    gitleaks: ['grafana-service-account-token', 'grafana-cloud-api-token', 'grafana-api-key'],
    keywords: ['glsa_', 'glc_', 'eyjrijoi'],
    pattern:
      /\b(?:glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|glc_[A-Za-z0-9+/]{32,400}={0,3}|eyJrIjoi[A-Za-z0-9]{70,400}={0,3})/g,
  },
  {
    id: 'sentry-user-token',
    gitleaks: ['sentry-user-token'],
    keywords: ['sntryu_'],
    pattern: /\bsntryu_[a-f0-9]{64}\b/g,
  },
  {
    id: 'new-relic-user-api-key',
    gitleaks: ['new-relic-user-api-key', 'new-relic-insert-key'],
    keywords: ['nrak-', 'nrii-'],
    pattern: /\bNR(?:AK-[A-Z0-9]{27}|II-[\w-]{32})/gi,
  },
  {
    id: 'shopify-token',
    gitleaks: [
      'shopify-access-token',
      'shopify-custom-access-token',
      'shopify-private-app-access-token',
      'shopify-shared-secret',
    ],
    keywords: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
    pattern: /\bshp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}\b/g,
  },
  {
    id: 'square-access-token',
    gitleaks: ['square-access-token'],
    keywords: ['sq0atp-', 'sq0csp-'],
    pattern: /\bsq0(?:atp|csp)-[\w-]{22,60}/g,
  },
  {
    id: 'huggingface-access-token',
    gitleaks: ['huggingface-access-token'],
    keywords: ['hf_'],
    pattern: /\bhf_[A-Za-z]{34}\b/g,
  },
  {
    id: 'postman-api-token',
    gitleaks: ['postman-api-token'],
    keywords: ['pmak-'],
    pattern: /\bPMAK-[a-fA-F0-9]{24}-[a-fA-F0-9]{34}\b/g,
  },
  {
    id: 'pulumi-api-token',
    gitleaks: ['pulumi-api-token'],
    keywords: ['pul-'],
    pattern: /\bpul-[a-f0-9]{40}\b/g,
  },
  {
    id: 'age-secret-key',
    gitleaks: ['age-secret-key'],
    keywords: ['age-secret-key-1'],
    pattern: /AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}/g,
  },
  {
    id: 'jwt',
    gitleaks: ['jwt'],
    keywords: ['ey'],
    pattern: /\bey[A-Za-z0-9_-]{10,2000}\.ey[A-Za-z0-9_/\\-]{10,8000}\.[A-Za-z0-9_/\\-]{0,2000}={0,2}/g,
  },
  {
    id: 'password-in-url',
    gitleaks: [],
    keywords: ['://'],
    pattern: /(?<pre>\b[A-Za-z][A-Za-z0-9+.-]{0,20}:\/\/[^\s:/@]{0,200}:)[^\s@/]{1,200}(?<post>@)/g,
    keep: (secret) => isPlaceholder(secret),
  },
  {
    id: 'authorization-header',
    gitleaks: ['curl-auth-header'],
    keywords: ['bearer', 'basic', 'token'],
    pattern:
      /(?<pre>\b(?:[Bb]earer|BEARER|[Bb]asic|BASIC|[Tt]oken|TOKEN)[ \t]{1,5})[A-Za-z0-9._~+/=-]{8,4096}/g,
    // After the word "token" a name is what the token is minted for; a Bearer or Basic value never is.
    keep: (secret, g) =>
      isPlaceholder(secret) || !looksSecret(secret) || (/^token/i.test(g.pre ?? '') && readsAsName(secret)),
  },
  {
    id: 'generic-api-key',
    gitleaks: ['generic-api-key', 'database-password'],
    keywords: ['pass', 'pwd', 'secret', 'token', 'key', 'cred'],
    pattern: new RegExp(
      String.raw`(?<pre>(?<expansion>\$\{\w{0,40}?)?(?<key>${GENERIC_KEY}[\w.-]{0,20})\\?["']?[ \t]{0,3}(?<op>:=|=>|=|:)[ \t]{0,3}(?:\\?["'\x60])?)` +
        String.raw`(?:(?<=["'\x60])(?<quoted>[^"'\x60\\\r\n]{1,500})(?<post>\\?["'\x60])|(?<bare>[^\s"'\x60\\,;&<>()[\]{}]{1,500}))`,
      'gi',
    ),
    keep: (secret, g) => {
      if (ABOUT_A_SECRET.test(g.key ?? '')) return true;
      // The key inside an expansion (`${SA_TOKEN:+…}`), or a value that is one (`"${PASS:-x}"`).
      if (g.expansion !== undefined && g.op === ':') return defaultIsHarmless(expansionDefault(secret));
      const expansion = secret.match(EXPANSION_VALUE)?.groups?.word;
      if (expansion !== undefined) return defaultIsHarmless(expansionDefault(expansion));
      // A placeholder, or a path: PWD=/srv/app is the working folder, not a password.
      if (isPlaceholder(secret) || /^(?:\/|~\/|\.\.?\/)/.test(secret)) return true;
      // "token: cannot query" is prose; "password=hunter" and a quoted value are assignments.
      if (g.quoted !== undefined) return false;
      if (g.op !== ':') return secret.length < 4;
      return secret.length < 6 || !looksSecret(secret);
    },
  },
];
