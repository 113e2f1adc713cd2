# Reads a feed on stdin with Debian's python3-feedparser (Universal Feed Parser) and prints what a feed
# reader sees as JSON. Run with /usr/bin/python3 (tests/support/feed-validators.ts).
import json
import sys

import feedparser

d = feedparser.parse(sys.stdin.buffer.read())


def detail(entry, key):
    value = entry.get(key + '_detail')
    return {'value': value.get('value'), 'type': value.get('type'), 'language': value.get('language')} if value else None


print(json.dumps({
    'bozo': bool(d.bozo),
    'bozo_exception': str(d.get('bozo_exception')) if d.bozo else None,
    'version': d.version,
    'feed': {
        'title': detail(d.feed, 'title'),
        'subtitle': detail(d.feed, 'subtitle'),
        'language': d.feed.get('language'),
        'link': d.feed.get('link'),
        'links': [link.get('href') for link in d.feed.get('links', [])],
        'id': d.feed.get('id'),
    },
    'entries': [{
        'id': e.get('id'),
        'link': e.get('link'),
        'links': [link.get('href') for link in e.get('links', [])],
        'title': detail(e, 'title'),
        'summary': detail(e, 'summary'),
        'content': [{'value': c.get('value'), 'type': c.get('type')} for c in e.get('content', [])],
        'author': e.get('author'),
        'tags': [t.get('term') for t in e.get('tags', [])],
        'published': e.get('published'),
        'updated': e.get('updated'),
        'enclosures': [x.get('href') for x in e.get('enclosures', [])],
    } for e in d.entries],
}, ensure_ascii=False))
