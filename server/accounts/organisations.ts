import { v7 as uuidv7 } from 'uuid';
import type { ServiceContext } from '../context.js';
import { organisations, signInDirectory, users } from '../db/schema/index.js';
import { conflict } from '../http/httpError.js';
import { insertSubscription } from '../subscription/store.js';
import { audit } from './audit.js';
import { publishOrganisation, publishUser } from './publishAccountRows.js';

export interface NewOrganisation {
  name: string;
  owner: { email: string; displayName: string; password: string };
}

/** A new organisation with its registered owner (active, password set) and a trial subscription. */
export async function createOrganisation(context: ServiceContext, input: NewOrganisation): Promise<{ organisationId: string; ownerId: string }> {
  const organisationId = uuidv7();
  const ownerId = uuidv7();
  const email = input.owner.email.trim().toLowerCase();
  const passwordHash = await context.passwords.hash(input.owner.password);
  const now = context.now();
  await context.database.db.transaction(async (tx) => {
    const claimed = await tx.insert(signInDirectory).values({ email, organisationId, userId: ownerId }).onConflictDoNothing().returning();
    if (claimed.length === 0) throw conflict('This e-mail address already has an account.');
    const [organisation] = await tx.insert(organisations).values({ id: organisationId, name: input.name, createdAt: now }).returning();
    const [owner] = await tx.insert(users).values({
      organisationId,
      id: ownerId,
      email,
      displayName: input.owner.displayName,
      role: 'owner',
      status: 'active',
      passwordHash,
      passwordChangedAt: now,
      createdAt: now,
      statusChangedAt: now,
    }).returning();
    if (!organisation || !owner) throw new Error('organisation insert returned no row');
    await publishOrganisation(context, tx, organisation);
    await publishUser(context, tx, owner);
    await insertSubscription(context, tx, organisationId, 1);
    await audit(context, tx, { organisationId, actorUserId: ownerId, action: 'organisation.created', targetUserId: ownerId });
  });
  return { organisationId, ownerId };
}
