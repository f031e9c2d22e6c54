import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { createOrganisation } from '../accounts/organisations.js';
import type { ServiceContext } from '../context.js';
import { serviceNotices, signInDirectory, storageUsage, users } from '../db/schema/index.js';
import { activeUsersChanged } from '../subscription/store.js';
import { publishUser } from '../accounts/publishAccountRows.js';

/** The demo organisation the README's sign-in refers to. Fixed addresses; one shared password. */
export const DEMO_PASSWORD = 'demo-wachtwoord-2026';
export const DEMO_ORGANISATION = 'Thuiszorg De Linde (demo)';
export const DEMO_USERS = [
  { email: 'eigenaar@demo.thuisdossier.nl', displayName: 'Anna de Vries', role: 'owner' },
  { email: 'beheer@demo.thuisdossier.nl', displayName: 'Bram Jansen', role: 'admin' },
  { email: 'wijkverpleegkundige@demo.thuisdossier.nl', displayName: 'Fatima El Amrani', role: 'practitioner' },
  { email: 'verzorgende@demo.thuisdossier.nl', displayName: 'Joost Bakker', role: 'practitioner' },
] as const;

export interface DemoResult {
  created: boolean;
  organisationId: string;
}

/** Creates the demo organisation once; a second run finds it and changes nothing. */
export async function createDemoOrganisation(context: ServiceContext): Promise<DemoResult> {
  const [owner, ...colleagues] = DEMO_USERS;
  const [existing] = await context.database.db.select().from(signInDirectory).where(eq(signInDirectory.email, owner.email));
  if (existing) return { created: false, organisationId: existing.organisationId };

  const { organisationId } = await createOrganisation(context, {
    name: DEMO_ORGANISATION,
    owner: { email: owner.email, displayName: owner.displayName, password: DEMO_PASSWORD },
  });
  const passwordHash = await context.passwords.hash(DEMO_PASSWORD);
  const now = context.now();
  await context.database.db.transaction(async (tx) => {
    for (const colleague of colleagues) {
      const id = uuidv7();
      await tx.insert(signInDirectory).values({ email: colleague.email, organisationId, userId: id });
      const [user] = await tx.insert(users).values({
        organisationId,
        id,
        email: colleague.email,
        displayName: colleague.displayName,
        role: colleague.role,
        status: 'active',
        passwordHash,
        passwordChangedAt: now,
        createdAt: now,
        statusChangedAt: now,
      }).returning();
      if (user) await publishUser(context, tx, user);
    }
    await activeUsersChanged(context, tx, organisationId);
    await tx.insert(storageUsage).values([
      { organisationId, category: 'records', bytes: 48 * 1024 * 1024, updatedAt: now },
      { organisationId, category: 'documents', bytes: 310 * 1024 * 1024, updatedAt: now },
      { organisationId, category: 'audit-log', bytes: 12 * 1024 * 1024, updatedAt: now },
    ]);
    const day = 24 * 60 * 60 * 1000;
    await tx.insert(serviceNotices).values({
      id: uuidv7(),
      kind: 'maintenance',
      title: 'Gepland onderhoud',
      // The times are in effectiveAt/endsAt (the app shows them); the text says what it means.
      body: 'De centrale dienst is twee uur niet bereikbaar: synchroniseren en online aanmelden kunnen dan even niet.',
      publishedAt: now,
      effectiveAt: new Date(now.getTime() + 7 * day),
      endsAt: new Date(now.getTime() + 7 * day + 2 * 60 * 60 * 1000),
    });
  });
  return { created: true, organisationId };
}
