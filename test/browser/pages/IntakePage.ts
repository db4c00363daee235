import { expect, type Locator, type Page } from '@playwright/test';
import { sel } from '../../../web/src/testing/selectors';

/** A synthetic household as the intake form takes it (field names are the API's input paths). */
export interface IntakeValues {
  villageId: string;
  headName: string;
  headPhone?: string;
  size: string;
  ageBands?: string[];
  markers?: string[];
}

/** /households/new and /households/:id/edit: the intake form, each field's error beside it. */
export class IntakePage {
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByTestId(sel.intake.form);
  }

  field(name: string): Locator {
    return this.page.getByTestId(sel.intake.field(name));
  }

  fieldError(name: string): Locator {
    return this.page.getByTestId(sel.intake.fieldError(name));
  }

  /** The field's own box (label, control, hint, error): "beside it" means inside this. */
  fieldBox(name: string): Locator {
    return this.page.locator('.field').filter({ has: this.field(name) });
  }

  async fill(values: IntakeValues): Promise<void> {
    await this.field('villageId').selectOption(values.villageId);
    await this.field('head.name').fill(values.headName);
    await this.field('head.phone').fill(values.headPhone ?? '');
    await this.field('size').fill(values.size);
    for (const band of values.ageBands ?? []) await this.page.getByTestId(sel.intake.ageBand(band)).check();
    for (const marker of values.markers ?? []) await this.page.getByTestId(sel.intake.marker(marker)).check();
  }

  async submit(): Promise<void> {
    await this.page.getByTestId(sel.intake.submit).click();
  }

  /** The field shows an error inside its own box and is marked invalid for assistive technology. */
  async expectErrorBeside(name: string): Promise<void> {
    await expect(this.fieldError(name)).toBeVisible();
    await expect(this.fieldBox(name).getByTestId(sel.intake.fieldError(name))).toBeVisible();
    await expect(this.field(name)).toHaveAttribute('aria-invalid', 'true');
  }

  /** Submits a valid form and waits for the household's page; returns its id (from the URL). */
  async submitAndOpenHousehold(): Promise<string> {
    await this.submit();
    await this.page.waitForURL(/\/households\/(?!new)[^/]+$/);
    await expect(this.page.getByTestId(sel.households.detail)).toBeVisible();
    return decodeURIComponent(new URL(this.page.url()).pathname.split('/').pop()!);
  }
}
