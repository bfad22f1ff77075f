/** Throws unless a tfjs image layer's config keeps images 'channels_last', as NeuNet does. */
export function channelsLast(config: Record<string, unknown>): void {
  const format = config.data_format ?? 'channels_last';
  if (format !== 'channels_last') {
    throw new Error(
      `data_format ${JSON.stringify(format)} is not supported; NeuNet's images are 'channels_last' (NHWC)`,
    );
  }
}
