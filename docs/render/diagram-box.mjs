// Prints "x y width height" of the box around every shape, label and waypoint of a BPMN file,
// with a margin (a wider one at the bottom, where the viewer puts the bpmn.io logo), so the
// renderer can size the browser window to the diagram.
import { readFileSync } from 'node:fs';

const MARGIN = 20;
const LOGO_MARGIN = 50;
const xml = readFileSync(process.argv[2], 'utf8');
let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;

function attr(tag, name) {
  const match = tag.match(new RegExp(`\\b${name}="(-?[\\d.]+)"`));
  return match ? Number(match[1]) : 0;
}

for (const [tag] of xml.matchAll(/<dc:Bounds\b[^>]*>/g)) {
  const x = attr(tag, 'x'), y = attr(tag, 'y');
  minX = Math.min(minX, x); minY = Math.min(minY, y);
  maxX = Math.max(maxX, x + attr(tag, 'width')); maxY = Math.max(maxY, y + attr(tag, 'height'));
}
for (const [tag] of xml.matchAll(/<di:waypoint\b[^>]*>/g)) {
  const x = attr(tag, 'x'), y = attr(tag, 'y');
  minX = Math.min(minX, x); minY = Math.min(minY, y);
  maxX = Math.max(maxX, x); maxY = Math.max(maxY, y);
}
if (!Number.isFinite(minX)) {
  console.error(`${process.argv[2]}: no diagram interchange`);
  process.exit(1);
}
const x = Math.floor(minX - MARGIN), y = Math.floor(minY - MARGIN);
console.log(`${x} ${y} ${Math.ceil(maxX + MARGIN) - x} ${Math.ceil(maxY + LOGO_MARGIN) - y}`);
