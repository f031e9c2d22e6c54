import { z } from 'zod';
import { cidrSchema, type SecuritySettings } from '../../../shared/api/admin.js';

/** The security form as typed: the allow-list is one range per line in a text box. */
export interface SecurityFormValues {
  requireTwoFactor: boolean;
  ipAllowList: string;
  autoLockMinutes: string;
}

export function securityFormValues(settings: SecuritySettings): SecurityFormValues {
  return { requireTwoFactor: settings.requireTwoFactor, ipAllowList: settings.ipAllowList.join('\n'), autoLockMinutes: String(settings.autoLockMinutes) };
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * The form's check with the service's own range schema (shared/api), line by line, so the nurse
 * sees WHICH line is wrong in her language. The result is what `admin.updateSecurity` takes.
 */
export function securityFormSchema(t: Translate) {
  return z
    .object({ requireTwoFactor: z.boolean(), ipAllowList: z.string(), autoLockMinutes: z.string() })
    .transform((values, context) => {
      const lines = values.ipAllowList.split(/\r?\n/).map((line) => line.trim());
      const ranges: string[] = [];
      lines.forEach((line, index) => {
        if (line === '') return;
        if (cidrSchema.safeParse(line).success) ranges.push(line);
        else context.addIssue({ code: 'custom', path: ['ipAllowList'], message: t('admin.security.ipInvalid', { line: index + 1, value: line }) });
      });
      if (ranges.length > 100) context.addIssue({ code: 'custom', path: ['ipAllowList'], message: t('admin.security.ipTooMany') });
      const minutes = Number(values.autoLockMinutes.trim());
      if (!/^\d+$/.test(values.autoLockMinutes.trim()) || minutes < 1 || minutes > 240) {
        context.addIssue({ code: 'custom', path: ['autoLockMinutes'], message: t('admin.security.autoLockInvalid') });
      }
      return { requireTwoFactor: values.requireTwoFactor, ipAllowList: ranges, autoLockMinutes: minutes };
    });
}
export type SecurityUpdate = z.output<ReturnType<typeof securityFormSchema>>;
