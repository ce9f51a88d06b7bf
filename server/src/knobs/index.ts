export { listKnobs } from './knob-catalog.js';
export { lookupKnob } from './lookup-knob.js';
export { renderKnobMarkdown, type KnobValueInEffect } from './render-knob.js';
export {
  FAMILY_LABELS,
  KNOB_FAMILIES,
  type Knob,
  type KnobEntry,
  type KnobFamily,
  type KnobFile,
  type KnobType,
} from './knob.js';
