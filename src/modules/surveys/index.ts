// The surveys module's read API for other modules (queries, a survey from a question bank, types; no views, no routes).
export { publicSurveys, publicResults } from './results.js'
export { createBankSurvey, answerSheets, getSurvey, type QuestionInput, type SurveyInput } from './surveys.service.js'
export type { Survey, SurveyStatus, Answers } from './surveys.schema.js'
