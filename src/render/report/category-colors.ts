import type { Category } from '../../types.js';

/**
 * One fixed colour per category, so a category looks the same in every
 * report (Tableau 10 plus two darker tones; distinct on screen and paper).
 */
const COLORS: Record<Category, string> = {
  server: '#e15759',
  throttling: '#f28e2b',
  quota: '#c9a227',
  auth: '#b07aa1',
  permission: '#ff9da7',
  'invalid-request': '#4e79a7',
  'not-found': '#76b7b2',
  conflict: '#9c755f',
  unsupported: '#bab0ac',
  'failed-operation': '#59a14f',
  'dry-run': '#1b4f72',
  unknown: '#6b6b6b',
};

/** The colour of a category; anything unexpected is drawn grey. */
export function categoryColor(category: string): string {
  return (COLORS as Record<string, string>)[category] ?? COLORS.unknown;
}
