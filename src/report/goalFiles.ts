/**
 * The goal tracker's tables as CSV (README "Reports"): goal_progress, goal_progress_history,
 * goal_adjustments, milestones, alerts.
 */
import type { GoalTables } from '../goals/tables.js';
import { rowsOf, type CsvTable } from '../io/fileWriter.js';
import { ADJUSTMENT_COLUMNS, ALERT_COLUMNS, cellsOf, headerOf, HISTORY_COLUMNS, MILESTONE_COLUMNS, PROGRESS_COLUMNS, RUN_FILES, type Column } from './runFolder.js';

export function goalTables(tables: GoalTables | undefined): CsvTable[] {
  const table = <Row>(file: string, columns: readonly Column<Row>[], rows: readonly Row[] | undefined): CsvTable => ({ file, header: headerOf(columns), rows: rowsOf(rows ?? [], (row) => cellsOf(columns, row)) });
  return [
    table(RUN_FILES.progress, PROGRESS_COLUMNS, tables?.progressRows),
    table(RUN_FILES.history, HISTORY_COLUMNS, tables?.historyRows),
    table(RUN_FILES.adjustments, ADJUSTMENT_COLUMNS, tables?.adjustments),
    table(RUN_FILES.milestones, MILESTONE_COLUMNS, tables?.milestones),
    table(RUN_FILES.alerts, ALERT_COLUMNS, tables?.alerts),
  ];
}
