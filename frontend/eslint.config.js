// Lint for the frontend: TypeScript, the rules of hooks and accessibility. Types are checked by `tsc --noEmit`.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist', 'src/generated'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  reactHooks.configs.flat.recommended,
  jsxA11y.flatConfigs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      // role="text" is not ARIA, but the NHS design system's callouts use it so VoiceOver reads a label as one phrase.
      'jsx-a11y/aria-role': ['error', { allowedInvalidRoles: ['text'] }],
    },
  },
);
