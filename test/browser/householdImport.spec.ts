import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test } from './fixtures';
import { HouseholdsPage } from './pages/HouseholdsPage';
import { SignInPage } from './pages/SignInPage';
import { DEMO } from './support/demo';
import { DEMO_PASSWORD } from './support/e2eEnv';
import { sel } from '../../web/src/testing/selectors';

/**
 * Issue 14 items 2 and 5 in the browser: a coordinator downloads the .xlsx
 * template, fills two synthetic rows (run-unique codes and names, so the spec
 * can run again on the same store), uploads it, sees the preview and every
 * row pass, imports it, finds the households by name, and exports the
 * household list as .csv with the imported rows in it.
 */
test('a coordinator imports the template .xlsx, sees the households, and exports the list as .csv', async ({ page }) => {
  const stamp = Date.now().toString(36).toUpperCase();
  const names = [`合成导入甲${stamp}`, `合成导入乙${stamp}`];

  await test.step('signs in and opens the import page from the household list', async () => {
    const signIn = new SignInPage(page);
    await signIn.open();
    await signIn.signIn(DEMO.coordinator, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/households/);
    await page.getByTestId(sel.householdImport.open).click();
    await expect(page.getByTestId(sel.householdImport.page)).toBeVisible();
  });

  let upload: Buffer = Buffer.alloc(0);
  await test.step('downloads the Chinese .xlsx template and fills two rows', async () => {
    const download = page.waitForEvent('download');
    await page.getByTestId(sel.householdImport.template('XLSX', 'ZH')).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync((await file.path())) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(4).text).toBe('户主姓名');
    sheet.spliceRows(2, 1); // the synthetic example row
    sheet.addRow([`SYN-E2E-${stamp}-1`, '南街社区', '2', names[0], '13800000401', '', '80岁以上', '独居老人']);
    sheet.addRow([`SYN-E2E-${stamp}-2`, '510129001003', '3', names[1], '13800000402', '', '18-59岁、7-17岁', '留守儿童']);
    upload = Buffer.from(await workbook.xlsx.writeBuffer());
  });

  await test.step('uploads it: the preview and the row check, nothing written yet', async () => {
    await page.getByTestId(sel.householdImport.file).setInputFiles({ name: `households-${stamp}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: upload });
    await expect(page.getByTestId(sel.householdImport.report)).toBeVisible();
    await expect(page.getByTestId(sel.householdImport.preview)).toContainText(names[0]!);
    await expect(page.getByTestId(sel.householdImport.allValid)).toBeVisible();
    await expect(page.getByTestId(sel.householdImport.summary)).toContainText('XLSX');
  });

  await test.step('imports it and finds the households by name', async () => {
    await page.getByTestId(sel.householdImport.commit).click();
    await expect(page.getByTestId(sel.householdImport.created)).toBeVisible();
    await page.getByTestId(sel.householdImport.created).getByRole('link').click();
    const households = new HouseholdsPage(page);
    await expect(households.list).toBeVisible();
    await households.typeSearch(names[1]!);
    await expect(households.searchResults).toContainText(names[1]!);
  });

  await test.step('exports the household list as .csv, with the imported rows in it', async () => {
    await page.getByTestId(sel.fieldExport.format('households')).selectOption('CSV');
    const download = page.waitForEvent('download');
    await page.getByTestId(sel.fieldExport.button('households')).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.csv$/);
    const text = readFileSync((await file.path()), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff); // UTF-8 with a BOM, for Excel
    expect(text).toContain('户主姓名 headName');
    expect(text).toContain(names[0]!);
    expect(text).toContain(names[1]!);
    await expect(page.getByTestId(sel.fieldExport.done('households'))).toBeVisible();
  });
});
