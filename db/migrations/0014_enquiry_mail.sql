ALTER TYPE "public"."mail_kind" ADD VALUE 'enquiry_received';--> statement-breakpoint
ALTER TYPE "public"."mail_kind" ADD VALUE 'enquiry_notice';