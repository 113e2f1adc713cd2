/** The publication's name on the site (masthead, OpenGraph site name, JSON-LD publisher): the house outlet. */
import { houseStyleSettings } from '../house-style-settings'

export const publicationName = (): string => houseStyleSettings.defaultOutlet || 'Newsroom'
