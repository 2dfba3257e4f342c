/**
 * The part of the report's script that makes tables sortable and
 * filterable. It only adds to a page that is complete without it: each
 * header's text becomes a button (sorting by that column, numbers as
 * numbers, a second click reversing), and a text box goes above each
 * table (hiding the rows that do not contain every word typed). A cell's
 * `data-sort` is its key when its text is not (a code cell with vendor and
 * category under it); empty cells (`–`) stay last either way.
 */
export const TABLE_SCRIPT = `
(function () {
  var collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  var NUMBER = /^[-+]?\\d[\\d,]*(\\.\\d+)?%?$/;
  function keyOf(row, index) {
    var cell = row.cells[index];
    if (!cell) return '';
    var key = cell.hasAttribute('data-sort') ? cell.getAttribute('data-sort') : cell.textContent;
    return key.trim();
  }
  function isEmpty(key) { return key === '' || key === '–'; }
  function compareKeys(a, b) {
    if (NUMBER.test(a) && NUMBER.test(b)) return parseFloat(a.replace(/,/g, '')) - parseFloat(b.replace(/,/g, ''));
    return collator.compare(a, b);
  }
  function sortTable(table, th) {
    var index = th.cellIndex;
    var current = th.getAttribute('aria-sort');
    var firstDescending = th.classList.contains('num');
    var descending = current ? current === 'ascending' : firstDescending;
    var heads = table.tHead.rows[0].cells;
    for (var i = 0; i < heads.length; i++) heads[i].removeAttribute('aria-sort');
    th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows).map(function (row, at) { return { row: row, key: keyOf(row, index), at: at }; });
    rows.sort(function (a, b) {
      var ea = isEmpty(a.key), eb = isEmpty(b.key);
      if (ea || eb) return ea === eb ? a.at - b.at : ea ? 1 : -1;
      var order = compareKeys(a.key, b.key);
      return (descending ? -order : order) || a.at - b.at;
    });
    rows.forEach(function (r) { body.appendChild(r.row); });
  }
  function addSorting(table) {
    if (!table.tHead || !table.tBodies[0]) return;
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th) {
      if (th.getAttribute('data-sort-type') === 'none') return;
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      button.title = 'Sort by this column';
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener('click', function () { sortTable(table, th); });
    });
  }
  function addFilter(table) {
    var box = table.parentNode;
    var rows = table.tBodies[0] ? table.tBodies[0].rows : [];
    var bar = document.createElement('div');
    bar.className = 'filter';
    var input = document.createElement('input');
    input.type = 'search';
    input.placeholder = 'Filter rows';
    input.setAttribute('aria-label', 'Filter ' + (table.getAttribute('data-name') || 'table'));
    var count = document.createElement('span');
    count.className = 'count';
    count.setAttribute('aria-live', 'polite');
    bar.appendChild(input);
    bar.appendChild(count);
    box.parentNode.insertBefore(bar, box);
    input.addEventListener('input', function () {
      var words = input.value.toLowerCase().split(/\\s+/).filter(Boolean);
      var shown = 0;
      Array.prototype.forEach.call(rows, function (row) {
        var text = row.textContent.toLowerCase();
        var match = words.every(function (w) { return text.indexOf(w) >= 0; });
        row.hidden = !match;
        if (match) shown++;
      });
      count.textContent = words.length === 0 ? '' : shown + ' of ' + rows.length + ' rows';
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll('table[data-name]'), function (table) {
    addSorting(table);
    addFilter(table);
  });
})();
`;
