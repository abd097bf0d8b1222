import { zodWithoutEval } from '@daowei/domain/zod-without-eval';

// Imported first by main.tsx: zod reads this when a module builds an object schema (SEC-03, CSP).
zodWithoutEval();
