export { loadScenarioFile, readJsonFile, resolveScenario, validateScenario, type ResolvedScenario, type SignalsSource } from './load.js';
export { schemaError } from './problems.js';
export { scenarioSchema, type DataSourceConfig, type Scenario, type ScenarioInput, type StrategyConfig } from './schema.js';
