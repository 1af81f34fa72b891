/** The end-of-class report as a file the browser downloads (CSV for a spreadsheet, or JSON). */
import type { InstructorClient } from '@ft/classroom/client';
import { fileSlug } from '../shared/format.ts';

/** The report file's name: `class-K7QH3M-monday-900-report.csv`. */
export function reportFileName(code: string, title: string, format: 'csv' | 'json'): string {
  return `class-${code}-${fileSlug(title)}-report.${format}`;
}

export async function downloadReport(
  client: InstructorClient,
  format: 'csv' | 'json',
  title: string,
  code: string,
): Promise<void> {
  const { report, csv } = await client.report();
  const body = format === 'csv' ? csv : `${JSON.stringify(report, null, 2)}\n`;
  const type = format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json';
  const url = URL.createObjectURL(new Blob([body], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = reportFileName(code, title, format);
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
