import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config';
import { jwtSecret } from '../api/auth/jwtSecret';
import { issueToken } from '../api/auth/tokens';
import { Role } from '../api/auth/Viewer';

const HELP = `Issue a bearer token for local use (signed with JWT_SECRET, or the secret under DATA_DIR).

  npm run -s token -- --role COORDINATOR --township twp_510129001000
  npm run -s token -- --role SOCIAL_WORKER --village vil_510129001002
  npm run -s token -- --role PARTNER_NGO --org org_dayi-dpf
  npm run -s token -- --role CREDIT_OFFICER --person per_syn-co-01
  npm run -s token -- --role ADMIN|DESIGNER [--sub NAME] [--ttl SECONDS]

Roles: ${Role.options.filter((r) => r !== 'ANONYMOUS').join(', ')}.
Use it as: curl -H "authorization: Bearer $TOKEN" ...`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      sub: { type: 'string' },
      township: { type: 'string', multiple: true },
      village: { type: 'string', multiple: true },
      org: { type: 'string' },
      person: { type: 'string' },
      ttl: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || !values.role) {
    console.log(HELP);
    process.exit(values.help ? 0 : 2);
  }
  const config = loadConfig();
  const { secret } = jwtSecret(config);
  const token = await issueToken(
    secret,
    {
      sub: values.sub ?? `local-${values.role.toLowerCase()}`,
      role: values.role as never,
      townships: values.township ?? [],
      villages: values.village ?? [],
      org: values.org ?? null,
      person: values.person ?? null,
    },
    values.ttl ? Number(values.ttl) : undefined,
  );
  console.log(token);
}

main().catch((error: unknown) => {
  console.error(`token: ${error instanceof Error ? error.message : String(error)}`);
  console.error(HELP);
  process.exit(2);
});
