// @neunet/model declares `optimizer` on OptimizerSettings; these tests, which have no model,
// declare a stand-in so that they pass a layer the options a user does.
declare module '../src/layer.js' {
  interface OptimizerSettings {
    readonly optimizer?: string | object;
  }
}

export {};
