// Alias kept for components that import '@/lib/search/tagcounts'; the module is ./tags.
export { tagCounts, suggestTags, type TagCount } from './tags';
