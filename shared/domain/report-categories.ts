import { z } from 'zod';

export const reportCategories = ['Algemeen', 'ADL', 'Medicatie', 'Wondzorg', 'Gedrag', 'Gezin', 'School', 'Incident'] as const;
export const reportCategorySchema = z.enum(reportCategories, {
  error: `Kies een categorie: ${reportCategories.join(', ')}`,
});
export type ReportCategory = z.infer<typeof reportCategorySchema>;
