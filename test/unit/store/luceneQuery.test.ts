import { escapeLucene, hanLuceneQuery, pinyinLuceneQuery } from '../../../src/store/neo4j/luceneQuery';
import { searchQuery } from '../../../src/domain/searchQuery';

/** What reaches Neo4j's full-text indexes: only escaped Han runs and [a-z0-9] prefixes, never the user's syntax. */
describe('Lucene queries for the full-text indexes', () => {
  it('escapes every character of the classic query syntax', () => {
    expect(escapeLucene('a+b-c&&d||e!f(g)h{i}j[k]l^m"n~o*p?q:r\\s/t u')).toBe(
      'a\\+b\\-c\\&\\&d\\|\\|e\\!f\\(g\\)h\\{i\\}j\\[k\\]l\\^m\\"n\\~o\\*p\\?q\\:r\\\\s\\/t\\ u',
    );
  });

  it('asks for a run of 汉字 as a phrase (bigrams) and one character at the start or end of a bigram', () => {
    expect(hanLuceneQuery(searchQuery('王小明'))).toBe('"王小明"');
    expect(hanLuceneQuery(searchQuery('明'))).toBe('(明 OR 明* OR *明)');
    expect(hanLuceneQuery(searchQuery('王-小明'))).toBe('(王 OR 王* OR *王) AND "小明"');
    expect(hanLuceneQuery(searchQuery('户主-00001'))).toBe('"户主" AND *00001*');
    expect(hanLuceneQuery(searchQuery('户主 an'))).toBe('"户主"');
  });

  it('sends none of the operators a user typed', () => {
    expect(hanLuceneQuery(searchQuery('"王 OR *"'))).toBe('(王 OR 王* OR *王)');
    expect(hanLuceneQuery(searchQuery(')('))).toBeNull();
    expect(pinyinLuceneQuery(searchQuery(')('))).toBeNull();
    expect(pinyinLuceneQuery(searchQuery('\\'))).toBeNull();
    expect(pinyinLuceneQuery(searchQuery('wang xiao'))).toBe('wangxiao*');
    expect(pinyinLuceneQuery(searchQuery('wang*'))).toBeNull();
  });
});
