// Keeps the words of a list that ICU's Thai word segmenter leaves whole.
// usage: node filter-icu.js IN.txt > OUT.txt
const fs = require('fs');
const seg = new Intl.Segmenter('th', {granularity: 'word'});
const words = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(w => w.trim());
const kept = words.filter(w => Array.from(seg.segment(w)).length === 1);
process.stdout.write(kept.join('\n') + '\n');
