import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { graphql } from '@/gql';
import { execute } from '@/lib/execute';

const CategoriesQuery = graphql(`
  query Categories {
    categories {
      code
      nameZh
      nameEn
      core
    }
  }
`);

/** Need categories (data, not code) with a label in the current language. */
export function useCategories() {
  const { i18n } = useTranslation();
  const query = useQuery({ queryKey: ['categories'], staleTime: 60 * 60 * 1000, queryFn: () => execute(CategoriesQuery).then((d) => d.categories) });
  const label = (code: string) => {
    const c = query.data?.find((x) => x.code === code);
    return c ? (i18n.language.startsWith('zh') ? c.nameZh : c.nameEn) : code;
  };
  return { ...query, label };
}
