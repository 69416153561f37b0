// Loads .env.local (generated secrets, git-ignored) then .env, without overriding the real
// environment. Scripts and the Prisma CLI import this first; Next loads the same files itself.
import { config } from "dotenv";

config({ path: ".env.local", quiet: true });
config({ path: ".env", quiet: true });
