-- Keep only each device's newest lease before the key changes to one row per device.
DELETE FROM "licence_leases" AS older USING "licence_leases" AS newer
WHERE older."organisation_id" = newer."organisation_id" AND older."user_id" = newer."user_id" AND older."device_id" = newer."device_id"
  AND (older."issued_at", older."id") < (newer."issued_at", newer."id");--> statement-breakpoint
DROP INDEX "licence_leases_by_device";--> statement-breakpoint
ALTER TABLE "licence_leases" DROP CONSTRAINT "licence_leases_organisation_id_id_pk";--> statement-breakpoint
ALTER TABLE "licence_leases" ADD CONSTRAINT "licence_leases_organisation_id_user_id_device_id_pk" PRIMARY KEY("organisation_id","user_id","device_id");