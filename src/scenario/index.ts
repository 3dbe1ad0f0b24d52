export { loadScenarioFile, readJsonFile, resolveScenario, schemaError, validateScenario, type ResolvedScenario, type SignalsSource } from './load.js';
export { scenarioSchema, type DataSourceConfig, type Scenario, type ScenarioInput, type StrategyConfig } from './schema.js';
