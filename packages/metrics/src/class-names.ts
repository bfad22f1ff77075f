/** The class count that `classNames` implies, checked against `numClasses`. */
export function checkNames(
  fn: string,
  classNames: readonly string[] | undefined,
  numClasses: number | undefined,
): number | undefined {
  if (!classNames) return numClasses;
  if (classNames.length === 0)
    throw new Error(`${fn}: classNames is empty; expected one name per class`);
  if (numClasses !== undefined && numClasses !== classNames.length) {
    throw new Error(
      `${fn}: classNames has ${classNames.length} names but numClasses is ${numClasses}; expected one name per class`,
    );
  }
  return classNames.length;
}
