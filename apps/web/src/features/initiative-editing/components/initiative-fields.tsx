import { useEffect, useRef, type ReactNode } from 'react';
import { useFieldArray, useWatch, type Control } from 'react-hook-form';
import { fieldId, focusField } from '../../../components/forms/field-id';
import {
  CheckboxGroupField,
  DateField,
  NumberField,
  RadioGroupField,
  SelectField,
  TextAreaField,
  TextField,
} from '../../../components/forms/fields';
import { FormButton } from '../../../components/forms/form-button';
import { focusById, useFocusAfterRender } from '../../../lib/hooks/use-focus-after-render';
import { messages } from '../../../lib/messages';
import { useDepartments, useDistricts, useTargetGroups, type Option } from '../api/initiative-editing';
import { suggestCode, type InitiativeFormValues, type StepKey } from '../utils/initiative-form';
import { initiativeEditingMessages } from '../messages';
import { GoalPicker } from './goal-picker';
import styles from './editing.module.css';

const f = initiativeEditingMessages.fields;
type Props = { control: Control<InitiativeFormValues> };

const options = (labels: Record<string, string>) => Object.entries(labels).map(([id, label]) => ({ id, label }));
const KIND_OPTIONS = options(messages.vocabulary.initiativeKind);
const EVIDENCE_OPTIONS = options(messages.vocabulary.evidenceBase);
const ROLE_OPTIONS = options(messages.vocabulary.participantRole);
const FREQUENCY_OPTIONS = options(messages.vocabulary.followUpFrequency);
const labelled = (items: Option[] | undefined) => items ?? [];

/**
 * A new initiative's code follows its title with a suggestion (`setCode`) until the person writes a code of their own.
 * Only a new title suggests a new code; typing in the code field does not.
 */
function useCodeSuggestion(control: Control<InitiativeFormValues>, setCode: ((code: string) => void) | undefined) {
  const title = useWatch({ control, name: 'title' });
  const code = useWatch({ control, name: 'code' });
  // The suggestion last made (none before the first): a code equal to it is still the suggestion, not the person's.
  const suggested = useRef<string | null>(null);
  useEffect(() => {
    const next = suggestCode(title);
    if (!setCode || next === suggested.current) return;
    if (code === '' || code === suggested.current) setCode(next);
    suggested.current = next;
  }, [title, code, setCode]);
}

/** The add button, where focus goes when a participant is removed. */
const ADD_PARTICIPANT_ID = 'lagg-till-deltagare';

/**
 * Title, code, summary, kind and evidence base. `setCode` (the guide's first step) suggests a code from the title;
 * `lead` is the lead department's field where the person chooses it (an admin registering an initiative).
 */
export function BasicsFields({
  control,
  setCode,
  lead,
}: Props & { setCode?: (code: string) => void; lead?: ReactNode }) {
  useCodeSuggestion(control, setCode);
  return (
    <>
      <TextField control={control} name="title" label={f.title} isRequired />
      <TextField control={control} name="code" label={f.code} description={f.codeHelp} isRequired />
      <TextAreaField control={control} name="summary" label={f.summary} description={f.summaryHelp} />
      <RadioGroupField control={control} name="kind" label={f.kind} options={KIND_OPTIONS} isRequired />
      <RadioGroupField
        control={control}
        name="evidenceBase"
        label={f.evidenceBase}
        description={f.evidenceBaseHelp}
        options={EVIDENCE_OPTIONS}
      />
      {lead}
    </>
  );
}

/** The lead department: a choice for whoever may hand initiatives over (an admin), else said in words. */
export function LeadDepartmentField({
  control,
  mayChoose,
  name,
}: Props & { mayChoose: boolean; name: string | null | undefined }) {
  const departments = useDepartments();
  if (mayChoose) {
    return (
      <SelectField
        control={control}
        name="leadDepartmentId"
        label={f.leadDepartment}
        description={f.leadDepartmentHelp}
        options={labelled(departments.data)}
        isRequired
      />
    );
  }
  return (
    <div className={styles.readOnly}>
      <h3 className={styles.readOnlyLabel}>{f.leadDepartment}</h3>
      <p>{name ? f.leadDepartmentOwn(name) : null}</p>
    </div>
  );
}

/** The participants as rows (department, role, written responsibility), added and removed by buttons. */
export function ParticipantsFields({ control }: Props) {
  const { fields, append, remove } = useFieldArray({ control, name: 'participants' });
  const lead = useWatch({ control, name: 'leadDepartmentId' });
  const departments = useDepartments();
  const choices = labelled(departments.data).filter((d) => d.id !== lead);
  const focusAfterRender = useFocusAfterRender();

  // The group's id is where a link to "participants" lands (the error summary's, Revisionsberedskap's): its first control.
  return (
    <fieldset id={fieldId('participants')} className={styles.group}>
      <legend className={styles.legend}>{f.participants}</legend>
      <p className={styles.help}>{f.participantsHelp}</p>
      {fields.length === 0 && <p>{f.noParticipants}</p>}
      <ol className={styles.rows}>
        {fields.map((row, index) => (
          <li key={row.id} className={styles.row}>
            <h3 className={styles.rowHeading}>{f.participant(index + 1)}</h3>
            <SelectField
              control={control}
              name={`participants.${index}.departmentId`}
              label={f.participantDepartment}
              options={choices}
              isRequired
            />
            <RadioGroupField
              control={control}
              name={`participants.${index}.role`}
              label={f.participantRole}
              options={ROLE_OPTIONS}
              isRequired
            />
            <TextAreaField
              control={control}
              name={`participants.${index}.responsibility`}
              label={f.responsibility}
              description={f.responsibilityHelp}
              rows={3}
            />
            <FormButton
              variant="secondary"
              onPress={() => {
                remove(index);
                focusAfterRender(focusById(ADD_PARTICIPANT_ID));
              }}
            >
              {f.removeParticipant(index + 1)}
            </FormButton>
          </li>
        ))}
      </ol>
      <FormButton
        id={ADD_PARTICIPANT_ID}
        variant="secondary"
        onPress={() => {
          append({ departmentId: null, role: null, responsibility: '' });
          const added = fields.length;
          focusAfterRender(() => focusField(`participants.${added}.departmentId`));
        }}
      >
        {f.addParticipant}
      </FormButton>
    </fieldset>
  );
}

export function ProcessOwnerFields({ control }: Props) {
  return (
    <>
      <p className={styles.help}>{f.processOwnerHelp}</p>
      <TextField control={control} name="processOwner.name" label={f.processOwnerName} autoComplete="off" />
      <TextField control={control} name="processOwner.title" label={f.processOwnerTitle} autoComplete="off" />
      <TextField
        control={control}
        name="processOwner.email"
        label={f.processOwnerEmail}
        type="email"
        autoComplete="off"
      />
    </>
  );
}

export function ReachFields({ control }: Props) {
  const targetGroups = useTargetGroups();
  const districts = useDistricts();
  return (
    <>
      <CheckboxGroupField
        control={control}
        name="targetGroupCodes"
        label={f.targetGroups}
        description={f.targetGroupsHelp}
        options={labelled(targetGroups.data)}
      />
      <CheckboxGroupField
        control={control}
        name="districtCodes"
        label={f.districts}
        description={f.districtsHelp}
        options={labelled(districts.data)}
      />
    </>
  );
}

export function TimeAndCostFields({ control }: Props) {
  return (
    <>
      <DateField control={control} name="startDate" label={f.startDate} />
      <DateField control={control} name="endDate" label={f.endDate} description={f.endDateHelp} />
      <NumberField
        control={control}
        name="annualCostSek"
        label={f.annualCost}
        description={f.annualCostHelp}
        unit="kr"
        minValue={0}
      />
      <TextField
        control={control}
        name="budgetProjectCode"
        label={f.budgetProjectCode}
        description={f.budgetProjectCodeHelp}
      />
    </>
  );
}

export function FollowUpFields({ control }: Props) {
  return (
    <fieldset className={styles.group}>
      <legend className={styles.legend}>{f.followUpPlan}</legend>
      <p className={styles.help} id="uppfoljningsplan-hjalp">
        {f.followUpPlanHelp}
      </p>
      <TextAreaField
        control={control}
        name="followUpPlan.method"
        label={f.followUpMethod}
        description={f.followUpMethodHelp}
        rows={3}
      />
      <SelectField
        control={control}
        name="followUpPlan.frequency"
        label={f.followUpFrequency}
        options={FREQUENCY_OPTIONS}
      />
      <TextField control={control} name="followUpPlan.responsible" label={f.followUpResponsible} />
      <DateField control={control} name="followUpPlan.firstReportDue" label={f.followUpFirstReport} />
    </fieldset>
  );
}

/**
 * The fields of one step of the guide or one section of the editing page (none for funding and the end). The two
 * differ only in the basics (the guide suggests a code, and may ask for the lead department there) and in how the lead
 * department is asked for, so those come in ready made.
 */
export function SectionFields({
  step,
  control,
  basics,
  lead,
}: Props & { step: StepKey; basics: ReactNode; lead: ReactNode }) {
  switch (step) {
    case 'basics':
      return basics;
    case 'participants':
      return (
        <>
          {lead}
          <ParticipantsFields control={control} />
        </>
      );
    case 'processOwner':
      return <ProcessOwnerFields control={control} />;
    case 'goals':
      return <GoalPicker control={control} />;
    case 'reach':
      return <ReachFields control={control} />;
    case 'timeAndCost':
      return <TimeAndCostFields control={control} />;
    case 'followUp':
      return <FollowUpFields control={control} />;
    default:
      return null;
  }
}
