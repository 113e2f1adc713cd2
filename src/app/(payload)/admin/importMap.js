import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { EditableFollowsRightsClient as EditableFollowsRightsClient_6a9165104d9f4c9efc30351c87752e4d } from '../../../../src/admin/editor/EditableFollowsRights'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { DatelineHint as DatelineHint_ec9fa705413e10f8d3b7acb7448d897c } from '../../../../plugins/house-style/src/admin/DatelineHint'
import { RenderedLine as RenderedLine_fd02ef283ce5b8637d94b352fd68037f } from '../../../../plugins/house-style/src/admin/RenderedLine'
import { FindingsPanel as FindingsPanel_9e70a25e2a9017ece032adf751290883 } from '../../../../plugins/house-style/src/admin/FindingsPanel'
import { StageCell as StageCell_776495a2e4359ae6f767b84017985378 } from '../../../../plugins/editorial-workflow/src/admin/StageCell'
import { StageField as StageField_58189eeaf7de903bc16bd343ae566f1e } from '../../../../plugins/editorial-workflow/src/admin/StageField'
import { WorkflowHistory as WorkflowHistory_ab7af1953c3dd84f7309b68596e79bb3 } from '../../../../plugins/editorial-workflow/src/admin/WorkflowHistory'
import { CreatedByField as CreatedByField_a83943a2574c17da531639c8340e65f7 } from '../../../../plugins/editorial-workflow/src/admin/CreatedByField'
import { WorkflowActions as WorkflowActions_52a8139c9fb11907195945403f35fc2e } from '../../../../plugins/editorial-workflow/src/admin/WorkflowActions'
import { KeepSaveErrors as KeepSaveErrors_de6a0ddac804de62fec2260b8501babd } from '../../../../src/admin/save-errors/KeepSaveErrors'
import { WorkflowPublishButton as WorkflowPublishButton_f638632737a9123d9c6269c640354c0a } from '../../../../plugins/editorial-workflow/src/admin/WorkflowPublishButton'
import { StageStatus as StageStatus_87336b889cb36ad8ead2ecc497310a59 } from '../../../../plugins/editorial-workflow/src/admin/StageStatus'
import { NoUnpublishButton as NoUnpublishButton_f9c8a28ec5ebe3b82515dbcf4e198408 } from '../../../../plugins/editorial-workflow/src/admin/NoUnpublishButton'
import { ChannelsEmptyState as ChannelsEmptyState_68de48629c32d4b45751574326123d40 } from '../../../../plugins/distribution/src/admin/ChannelsEmptyState'
import { RetryDeliveryButton as RetryDeliveryButton_9ddf1dd56f8b626d0dca9bf1e278e24c } from '../../../../plugins/distribution/src/admin/RetryDeliveryButton'
import { Icon as Icon_caceca34d25130c4c02fdc551bd8c773 } from '../../../../src/admin/Brand'
import { Logo as Logo_caceca34d25130c4c02fdc551bd8c773 } from '../../../../src/admin/Brand'
import { WorkflowNavLinks as WorkflowNavLinks_9fea989069c97d79a91225184f7aa431 } from '../../../../plugins/editorial-workflow/src/admin/WorkflowNavLinks'
import { WorkflowDashboard as WorkflowDashboard_6e0f3dbb870f0658f14325fbf531ad1a } from '../../../../plugins/editorial-workflow/src/admin/WorkflowDashboard'
import { DeskListView as DeskListView_53593b26f2d3bb8b28aab86c2d9a4879 } from '../../../../plugins/editorial-workflow/src/admin/DeskListView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "/src/admin/editor/EditableFollowsRights#EditableFollowsRightsClient": EditableFollowsRightsClient_6a9165104d9f4c9efc30351c87752e4d,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/plugins/house-style/src/admin/DatelineHint#DatelineHint": DatelineHint_ec9fa705413e10f8d3b7acb7448d897c,
  "/plugins/house-style/src/admin/RenderedLine#RenderedLine": RenderedLine_fd02ef283ce5b8637d94b352fd68037f,
  "/plugins/house-style/src/admin/FindingsPanel#FindingsPanel": FindingsPanel_9e70a25e2a9017ece032adf751290883,
  "/plugins/editorial-workflow/src/admin/StageCell#StageCell": StageCell_776495a2e4359ae6f767b84017985378,
  "/plugins/editorial-workflow/src/admin/StageField#StageField": StageField_58189eeaf7de903bc16bd343ae566f1e,
  "/plugins/editorial-workflow/src/admin/WorkflowHistory#WorkflowHistory": WorkflowHistory_ab7af1953c3dd84f7309b68596e79bb3,
  "/plugins/editorial-workflow/src/admin/CreatedByField#CreatedByField": CreatedByField_a83943a2574c17da531639c8340e65f7,
  "/plugins/editorial-workflow/src/admin/WorkflowActions#WorkflowActions": WorkflowActions_52a8139c9fb11907195945403f35fc2e,
  "/src/admin/save-errors/KeepSaveErrors#KeepSaveErrors": KeepSaveErrors_de6a0ddac804de62fec2260b8501babd,
  "/plugins/editorial-workflow/src/admin/WorkflowPublishButton#WorkflowPublishButton": WorkflowPublishButton_f638632737a9123d9c6269c640354c0a,
  "/plugins/editorial-workflow/src/admin/StageStatus#StageStatus": StageStatus_87336b889cb36ad8ead2ecc497310a59,
  "/plugins/editorial-workflow/src/admin/NoUnpublishButton#NoUnpublishButton": NoUnpublishButton_f9c8a28ec5ebe3b82515dbcf4e198408,
  "/plugins/distribution/src/admin/ChannelsEmptyState#ChannelsEmptyState": ChannelsEmptyState_68de48629c32d4b45751574326123d40,
  "/plugins/distribution/src/admin/RetryDeliveryButton#RetryDeliveryButton": RetryDeliveryButton_9ddf1dd56f8b626d0dca9bf1e278e24c,
  "/src/admin/Brand#Icon": Icon_caceca34d25130c4c02fdc551bd8c773,
  "/src/admin/Brand#Logo": Logo_caceca34d25130c4c02fdc551bd8c773,
  "/plugins/editorial-workflow/src/admin/WorkflowNavLinks#WorkflowNavLinks": WorkflowNavLinks_9fea989069c97d79a91225184f7aa431,
  "/plugins/editorial-workflow/src/admin/WorkflowDashboard#WorkflowDashboard": WorkflowDashboard_6e0f3dbb870f0658f14325fbf531ad1a,
  "/plugins/editorial-workflow/src/admin/DeskListView#DeskListView": DeskListView_53593b26f2d3bb8b28aab86c2d9a4879,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
