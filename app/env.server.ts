import { z } from "zod";

/**
 * Resend's webhook signing secret as it shows it: `whsec_` and the key in base64. Anything else (the
 * API key pasted by mistake, the prefix dropped, a truncated copy) could verify no delivery, and every
 * bounce would be refused until someone read the logs; so it stops the start instead.
 */
const webhookSecret = z
  .string()
  .regex(
    /^whsec_(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$/,
    "RESEND_WEBHOOK_SECRET must be the endpoint's signing secret as Resend shows it: whsec_ followed by base64",
  );

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    DATA_DIR: z.string().min(1).default("./data/db"),
    /** PostgreSQL connections per app process (server.js shares 20 among its workers). */
    DATABASE_POOL: z.coerce.number().int().min(1).max(100).default(10),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().optional(),
    SESSION_SECRET: z.string().min(32, "SESSION_SECRET must be at least 32 characters").optional(),
    APP_URL: z.url().optional(),
    /** Number of proxies in front of the app whose X-Forwarded-For may be trusted. */
    TRUST_PROXY: z.coerce.number().int().min(0).default(0),
    /** Without it no email leaves the machine: it is kept, and admins read it at /admin/mail. */
    RESEND_API_KEY: z.string().min(1).optional(),
    /** The sender, as Resend accepts it: `Jembatan <noreply@example.org>`. */
    MAIL_FROM: z
      .string()
      .regex(/^[^\r\n]+$/, "MAIL_FROM must be one line")
      .default("Jembatan <noreply@jembatan.invalid>"),
    /** The Resend API's address; tests point it at a local stand-in. */
    RESEND_BASE_URL: z.url().optional(),
    /** The signing secret of Resend's webhooks (bounces, complaints); without it they are refused. */
    RESEND_WEBHOOK_SECRET: webhookSecret.optional(),
    /** Seconds between the in-server mail sender's passes over the outbox. */
    MAIL_SEND_INTERVAL_SECONDS: z.coerce.number().min(0.1).max(3600).default(5),
  })
  .transform((env) => ({
    ...env,
    /** The embedded database is for demo and development: it seeds itself and its demo accounts. */
    embedded: !env.DATABASE_URL,
  }));

type Env = z.infer<typeof envSchema>;

function parseEnv(): Env {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    console.error("Invalid environment:\n" + z.prettifyError(parsed.error));
    throw new Error("Invalid environment; see the messages above.");
  }
  return parsed.data;
}

export const env = parseEnv();
