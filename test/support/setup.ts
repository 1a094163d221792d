import { afterAll } from 'vitest';
import { removeTempDirs } from './temp';

// Every test file: the directories its helpers made with tempDir() go when the file is done.
afterAll(removeTempDirs);
