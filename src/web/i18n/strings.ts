/**
 * A French (or any other) catalogue typed against the English one: the same keys, string
 * leaves widened to `string`, and a `_many` sibling allowed next to every `_other` (French uses
 * it for very large numbers: « 1 000 000 de membres »). A missing or extra key is a type error.
 */
export type Strings<T> = {
  [K in keyof T]: T[K] extends string ? string : Strings<T[K]>;
} & {
  [K in keyof T as K extends `${infer Base}_other` ? `${Base}_many` : never]?: string;
};
