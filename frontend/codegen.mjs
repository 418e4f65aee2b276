export const outputFile = 'src/generated/graphql.ts';

export const output = {
  plugins: ['typescript-operations'],
  config: {
    useTypeImports: true,
    scalars: { Date: 'string', DateTime: 'string' },
  },
};

export default {
  overwrite: true,
  schema: 'schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/generated/**', '!src/**/*.test.{ts,tsx}'],
  generates: { [outputFile]: output },
};
