region       = "us-east-1"
github_token = "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"
vpc_id       = "vpc-13c3758b1216f39a7"
kms_key_arn  = "arn:aws:kms:us-east-1:509901556096:key/af4ae94c-6a18-4874-8f6d-82a620d46b09"
